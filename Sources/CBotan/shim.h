#ifndef FRAMEBENCH_CBOTAN_SHIM_H
#define FRAMEBENCH_CBOTAN_SHIM_H
// Botan 2 (libbotan-2-dev) through its C FFI: botan_cipher "AES-256/GCM". The `Botan` trait.
#include <botan/build.h>
#include <botan/ffi.h>

/// Whether this Botan build has its AES-NI AES and its carry-less-multiply GHASH.
static inline int fbb_built_with_aesni(void) {
#if defined(BOTAN_HAS_AES_NI)
    return 1;
#else
    return 0;
#endif
}
static inline int fbb_built_with_clmul(void) {
#if defined(BOTAN_HAS_GHASH_CLMUL_CPU)
    return 1;
#else
    return 0;
#endif
}
#endif
