#ifndef CFRAMEREFERENCESUITES_H
#define CFRAMEREFERENCESUITES_H
// The C reference for every SFrame cipher suite's AEAD through OpenSSL: AES-128-GCM and
// AES-256-GCM (suites 4, 5) and AES-CTR + HMAC (RFC 9605 section 4.5.1; suites 1-3 with
// AES-128 and HMAC-SHA-256, 6-8 with AES-256 and HMAC-SHA-512, tags of 10, 8 or 4 bytes).
// The same library calls, in the same order, as FrameCrypto's OpenSSLContext (and its
// OpenSSLCTRHMAC): ciphers fetched once, one keyed EVP_CIPHER_CTX per direction, HMAC keyed
// once into pre-keyed SHA-2 inner and outer states that each frame copies.
//
// The batch functions have the shape, clock and semantics of CFrameReference.h's
// fbr_openssl_*_batch (see there): seal encrypts `buffer` in place under the counter nonce
// (*counter incremented before each frame) and writes fbr_openssl_suite_tag_size() bytes
// of tag to `tag`; open verifies `tag` and decrypts `ciphertext` into `plaintext` under the
// fixed `nonce`, every frame. A negative return means a library call failed or, for open,
// that a tag did not verify.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// OpenSSL keyed for one SFrame cipher suite's AEAD.
typedef struct fbr_openssl_suite fbr_openssl_suite;

/// A context for `cipher_suite` (1-8) keyed with `key` (the suite's Nk bytes: 48, 48, 48,
/// 16, 32, 96, 96, 96; for CTR suites enc_key || auth_key), or NULL for another suite
/// number or when OpenSSL fails.
fbr_openssl_suite *fbr_openssl_suite_new(uint16_t cipher_suite, const uint8_t *key);
void fbr_openssl_suite_free(fbr_openssl_suite *context);

/// The suite's tag size in bytes (Nt).
size_t fbr_openssl_suite_tag_size(const fbr_openssl_suite *context);

int64_t fbr_openssl_suite_seal_batch(fbr_openssl_suite *context, uint8_t *buffer, size_t size,
                                     const uint8_t *aad, size_t aad_size, uint8_t *tag,
                                     uint64_t *counter, size_t frames);

int64_t fbr_openssl_suite_open_batch(fbr_openssl_suite *context, const uint8_t *ciphertext,
                                     uint8_t *plaintext, size_t size, const uint8_t *aad,
                                     size_t aad_size, const uint8_t *tag, const uint8_t *nonce,
                                     size_t frames);

#ifdef __cplusplus
}
#endif
#endif
