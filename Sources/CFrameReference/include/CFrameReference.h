#ifndef CFRAMEREFERENCE_H
#define CFRAMEREFERENCE_H
// The C reference: AES-256-GCM frame loops that call OpenSSL and libsodium directly, with
// no Swift in the loop, so the Swift layers can be measured against the bare library.
//
// Each *_batch function runs `frames` seal (or open) calls back to back and returns the
// nanoseconds they took, read with clock_gettime(CLOCK_MONOTONIC) just before the first
// call and just after the last: the same clock, the same batch structure and the same
// per-frame work as FrameBench's Swift batch loop, so the two are compared like for like.
// A negative return means a library call failed (and the batch is not a measurement).
//
// seal: encrypts `buffer` in place, the nonce being *counter (big-endian in the last eight
//       of twelve bytes, first four zero) incremented before each frame, as FrameCrypto's
//       Nonce(counter:) does; the tag goes to `tag`.
// open: verifies `tag` and decrypts `ciphertext` into `plaintext` under the fixed `nonce`,
//       every frame the same sealed frame (nothing to mutate, so every call authenticates).
//
// The *_ring functions walk a ring of frames laid out as the overhead suite's SFrame layers
// walk theirs (docs/overhead.md, "Working sets"): `frames` slots `stride` bytes apart from
// `ring`, slot i holding the AAD (`aad_size` bytes, where an SFrame header lies) at its start,
// the `size`-byte text right after it and the 16-byte tag after the text.
// seal_ring: encrypts each slot's text in place, nonce *counter + 1, + 2, … (as *_seal_batch);
//            the tag goes into the slot.
// open_ring: verifies and decrypts each slot into the one `plaintext` buffer, slot i under
//            the nonce of counter `first_counter + i` (what seal_ring with *counter =
//            first_counter - 1 sealed it under).
#include <stddef.h>
#include <stdint.h>

#include "CFrameReferenceSuites.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Nanoseconds from CLOCK_MONOTONIC.
uint64_t fbr_monotonic_ns(void);

/// Heap bytes in use (glibc mallinfo2: allocated arena bytes plus mmapped chunks); 0 without
/// glibc. The meeting suite's memory plan measures a keyed context's size with it.
size_t fbr_heap_bytes_in_use(void);

/// OpenSSL: AES-256-GCM fetched once, one keyed EVP_CIPHER_CTX per direction.
typedef struct fbr_openssl fbr_openssl;

/// A keyed context from a 32-byte key, or NULL when OpenSSL fails.
fbr_openssl *fbr_openssl_new(const uint8_t *key);
void fbr_openssl_free(fbr_openssl *context);

int64_t fbr_openssl_seal_batch(fbr_openssl *context, uint8_t *buffer, size_t size,
                               const uint8_t *aad, size_t aad_size, uint8_t *tag,
                               uint64_t *counter, size_t frames);

int64_t fbr_openssl_open_batch(fbr_openssl *context, const uint8_t *ciphertext, uint8_t *plaintext,
                               size_t size, const uint8_t *aad, size_t aad_size,
                               const uint8_t *tag, const uint8_t *nonce, size_t frames);

int64_t fbr_openssl_seal_ring(fbr_openssl *context, uint8_t *ring, size_t stride, size_t size,
                              size_t aad_size, uint64_t *counter, size_t frames);

int64_t fbr_openssl_open_ring(fbr_openssl *context, const uint8_t *ring, size_t stride, size_t size,
                              size_t aad_size, uint8_t *plaintext, uint64_t first_counter,
                              size_t frames);

/// libsodium: key expanded once with crypto_aead_aes256gcm_beforenm.
typedef struct fbr_sodium fbr_sodium;

/// A keyed context from a 32-byte key, or NULL when libsodium's AES-GCM cannot run here.
fbr_sodium *fbr_sodium_new(const uint8_t *key);
void fbr_sodium_free(fbr_sodium *context);

int64_t fbr_sodium_seal_batch(fbr_sodium *context, uint8_t *buffer, size_t size,
                              const uint8_t *aad, size_t aad_size, uint8_t *tag,
                              uint64_t *counter, size_t frames);

int64_t fbr_sodium_open_batch(fbr_sodium *context, const uint8_t *ciphertext, uint8_t *plaintext,
                              size_t size, const uint8_t *aad, size_t aad_size,
                              const uint8_t *tag, const uint8_t *nonce, size_t frames);

int64_t fbr_sodium_seal_ring(fbr_sodium *context, uint8_t *ring, size_t stride, size_t size,
                              size_t aad_size, uint64_t *counter, size_t frames);

int64_t fbr_sodium_open_ring(fbr_sodium *context, const uint8_t *ring, size_t stride, size_t size,
                              size_t aad_size, uint8_t *plaintext, uint64_t first_counter,
                              size_t frames);

#ifdef __cplusplus
}
#endif
#endif
