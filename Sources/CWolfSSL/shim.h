#ifndef FRAMEBENCH_CWOLFSSL_SHIM_H
#define FRAMEBENCH_CWOLFSSL_SHIM_H
// wolfSSL's wolfCrypt (libwolfssl-dev): wc_AesGcm and the version. The `WolfSSL` trait.
// options.h first: it holds the build's configuration, which sizes `Aes`.
#include <wolfssl/options.h>
#include <wolfssl/ssl.h>
#include <wolfssl/version.h>
#include <wolfssl/wolfcrypt/aes.h>
#include <wolfssl/wolfcrypt/wc_port.h>

/// How this wolfCrypt build does AES-GCM, from its compile-time configuration:
/// 2 with AES-NI and AVX2 (WOLFSSL_AESNI and HAVE_INTEL_AVX2), 1 with AES-NI
/// (WOLFSSL_AESNI: AES-NI and PCLMULQDQ, chosen at run time by its IntelFlags), 0 with
/// neither (portable C AES and table GHASH).
static inline int fbw_build_aesni(void) {
#if defined(WOLFSSL_AESNI) && defined(HAVE_INTEL_AVX2)
    return 2;
#elif defined(WOLFSSL_AESNI)
    return 1;
#else
    return 0;
#endif
}

/// The GHASH table the portable code uses: 8 for GCM_TABLE (8-bit), 4 for GCM_TABLE_4BIT,
/// 0 for GCM_SMALL or GCM_WORD32 (no table).
static inline int fbw_gcm_table_bits(void) {
#if defined(GCM_TABLE)
    return 8;
#elif defined(GCM_TABLE_4BIT)
    return 4;
#else
    return 0;
#endif
}
#endif
