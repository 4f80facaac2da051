// libFuzzer's entry point for programs that have their own `main` (LLVM 11 and later).
// The symbol comes from the libFuzzer runtime that `-sanitize=fuzzer` links.
#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
