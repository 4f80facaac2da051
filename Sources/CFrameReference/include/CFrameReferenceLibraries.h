#ifndef CFRAMEREFERENCE_LIBRARIES_H
#define CFRAMEREFERENCE_LIBRARIES_H
// C references for the optional libraries (package traits; Package.swift): for each, the
// same per-frame calls as its FrameCrypto backend, in the shape of fbr_openssl_* in
// CFrameReference.h (the same clock, nonce counter, ring layout and return convention, see
// there). Declared always; defined (libraries/*.c) only when FRAMEBENCH_HAVE_<LIBRARY> is,
// which the library's trait sets, and called from Swift only under the same trait.
//
// Unlike fbr_openssl_new, fbr_<library>_new takes the key's length: 16 bytes keys the
// library for AES-128-GCM (SFrame suite 4), 32 for AES-256-GCM (suite 5), as the backend
// is keyed for either; any other length gives NULL. Every loop then makes the calls the
// backend makes for that key size (*_batch: the frames suite; *_ring: the overhead suite's
// c-library layer).
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FBR_DECLARE_LIBRARY(name)                                                                   \
    typedef struct fbr_##name fbr_##name;                                                           \
    fbr_##name *fbr_##name##_new(const uint8_t *key, size_t key_size);                              \
    void fbr_##name##_free(fbr_##name *context);                                                    \
    int64_t fbr_##name##_seal_batch(fbr_##name *context, uint8_t *buffer, size_t size,              \
                                    const uint8_t *aad, size_t aad_size, uint8_t *tag,              \
                                    uint64_t *counter, size_t frames);                              \
    int64_t fbr_##name##_open_batch(fbr_##name *context, const uint8_t *ciphertext,                 \
                                    uint8_t *plaintext, size_t size, const uint8_t *aad,            \
                                    size_t aad_size, const uint8_t *tag, const uint8_t *nonce,      \
                                    size_t frames);                                                 \
    int64_t fbr_##name##_seal_ring(fbr_##name *context, uint8_t *ring, size_t stride, size_t size,  \
                                   size_t aad_size, uint64_t *counter, size_t frames);              \
    int64_t fbr_##name##_open_ring(fbr_##name *context, const uint8_t *ring, size_t stride,         \
                                   size_t size, size_t aad_size, uint8_t *plaintext,                \
                                   uint64_t first_counter, size_t frames);

/// nettle: gcm_aes128_ctx or gcm_aes256_ctx keyed once; per frame set_iv, update,
/// encrypt/decrypt, digest, memeql_sec.
FBR_DECLARE_LIBRARY(nettle)
/// libgcrypt: one GCM handle (GCRY_CIPHER_AES or GCRY_CIPHER_AES256) keyed once; per frame
/// setiv, authenticate, final, encrypt (in place)/decrypt, gettag/checktag.
FBR_DECLARE_LIBRARY(gcrypt)
/// mbedTLS: mbedtls_gcm_context keyed once (128 or 256 bits); per frame
/// mbedtls_gcm_crypt_and_tag or mbedtls_gcm_auth_decrypt.
FBR_DECLARE_LIBRARY(mbedtls)
/// wolfSSL: Aes keyed once (16 or 32 bytes); per frame wc_AesGcmEncrypt or wc_AesGcmDecrypt.
FBR_DECLARE_LIBRARY(wolfssl)
/// Botan FFI: a botan_cipher ("AES-128/GCM" or "AES-256/GCM") per direction keyed once; per
/// frame set_associated_data, start, one final update through a scratch buffer (ciphertext
/// and tag joined).
FBR_DECLARE_LIBRARY(botan)

#undef FBR_DECLARE_LIBRARY

#ifdef __cplusplus
}
#endif
#endif
