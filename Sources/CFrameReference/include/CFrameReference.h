#ifndef CFRAMEREFERENCE_H
#define CFRAMEREFERENCE_H
// The C reference: AES-256-GCM frame loops that call OpenSSL and libsodium directly, with
// no Swift in the loop, so the Swift layers can be measured against the bare library.
#include <stddef.h>
#include <stdint.h>
#endif
