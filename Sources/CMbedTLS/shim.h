#ifndef FRAMEBENCH_CMBEDTLS_SHIM_H
#define FRAMEBENCH_CMBEDTLS_SHIM_H
// mbedTLS 2.28 (libmbedtls-dev; Debian ships no .pc file, so the module map links
// mbedcrypto): mbedtls_gcm, its AES-NI query and the version. The `MbedTLS` trait.
#include <mbedtls/gcm.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/version.h>
#if defined(MBEDTLS_AESNI_C)
#include <mbedtls/aesni.h>
#endif

/// Whether this mbedTLS was built with its AES-NI module (MBEDTLS_AESNI_C).
static inline int fbm_built_with_aesni(void) {
#if defined(MBEDTLS_AESNI_C) && defined(MBEDTLS_HAVE_X86_64)
    return 1;
#else
    return 0;
#endif
}

/// mbedtls_aesni_has_support for AES and for carry-less multiply (0 when not built in).
static inline int fbm_aesni_has_aes(void) {
#if defined(MBEDTLS_AESNI_C) && defined(MBEDTLS_HAVE_X86_64)
    return mbedtls_aesni_has_support(MBEDTLS_AESNI_AES);
#else
    return 0;
#endif
}
static inline int fbm_aesni_has_clmul(void) {
#if defined(MBEDTLS_AESNI_C) && defined(MBEDTLS_HAVE_X86_64)
    return mbedtls_aesni_has_support(MBEDTLS_AESNI_CLMUL);
#else
    return 0;
#endif
}
#endif
