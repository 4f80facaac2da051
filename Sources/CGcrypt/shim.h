#ifndef FRAMEBENCH_CGCRYPT_SHIM_H
#define FRAMEBENCH_CGCRYPT_SHIM_H
// libgcrypt (libgcrypt20-dev): gcry_cipher in GCM mode. The `Libgcrypt` trait.
// gcry_control is variadic and gcry_cipher_final a macro, neither of which Swift imports:
// the two inline functions below are their only callers.
#include <gcrypt.h>

/// Initialises libgcrypt once (version check, no secure memory, initialisation finished)
/// and returns its version, or NULL when it is older than the headers.
static inline const char *fbg_initialize(void) {
    if (gcry_control(GCRYCTL_INITIALIZATION_FINISHED_P)) return gcry_check_version(NULL);
    const char *version = gcry_check_version(GCRYPT_VERSION);
    if (version == NULL) return NULL;
    gcry_control(GCRYCTL_DISABLE_SECMEM, 0);
    gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
    return version;
}

/// gcry_cipher_final: the next encrypt or decrypt call is the last of the message.
static inline gcry_error_t fbg_cipher_final(gcry_cipher_hd_t handle) {
    return gcry_cipher_final(handle);
}
#endif
