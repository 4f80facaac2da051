#ifndef CFRAMEREFERENCE_FLOOR_H
#define CFRAMEREFERENCE_FLOOR_H
// The floor: a minimal AES-256-GCM (96-bit nonce, 128-bit tag) in AES-NI and PCLMULQDQ
// intrinsics, to measure how many nanoseconds per frame each library spends above the work
// itself. NOT a backend for use: no side-channel review, no API hardening beyond what the
// vectors test; it exists as a yardstick.
//
// Keyed once: the AES-256 key schedule and the GHASH key powers H^1..H^8 are computed in
// fbr_floor_new. Per frame only the work: CTR with eight blocks in flight, GHASH with
// eight-block aggregated reduction, the length block and the tag. No allocation, no call
// into a library.
//
// Compiled per function for `aes,pclmul,ssse3,sse4.1` so the package builds for any x86-64
// (and elsewhere, with the floor absent); fbr_floor_available() checks CPUID at run time.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when this CPU has AES-NI, PCLMULQDQ, SSSE3 and SSE4.1 (and this is x86-64), else 0.
int fbr_floor_available(void);

/// Why the floor is absent here, or NULL when it is available.
const char *fbr_floor_unavailable_reason(void);

typedef struct fbr_floor fbr_floor;

/// A keyed floor context from a 32-byte key, or NULL when the floor is unavailable here.
fbr_floor *fbr_floor_new(const uint8_t *key);
void fbr_floor_free(fbr_floor *context);

/// Encrypts `size` bytes from `input` to `output` (the same memory or disjoint) under the
/// 12-byte `nonce`, authenticating `aad`; writes the 16-byte tag. Returns 0.
int fbr_floor_seal(const fbr_floor *context, const uint8_t *nonce, const uint8_t *aad,
                   size_t aad_size, const uint8_t *input, uint8_t *output, size_t size,
                   uint8_t *tag);

/// Decrypts and verifies; returns 0, or -1 when the tag does not match (then `output` is
/// zeroed).
int fbr_floor_open(const fbr_floor *context, const uint8_t *nonce, const uint8_t *aad,
                   size_t aad_size, const uint8_t *input, uint8_t *output, size_t size,
                   const uint8_t *tag);

/// The batch loops, shaped as fbr_openssl_seal_batch / fbr_openssl_open_batch.
int64_t fbr_floor_seal_batch(fbr_floor *context, uint8_t *buffer, size_t size, const uint8_t *aad,
                             size_t aad_size, uint8_t *tag, uint64_t *counter, size_t frames);
int64_t fbr_floor_open_batch(fbr_floor *context, const uint8_t *ciphertext, uint8_t *plaintext,
                             size_t size, const uint8_t *aad, size_t aad_size, const uint8_t *tag,
                             const uint8_t *nonce, size_t frames);

#ifdef __cplusplus
}
#endif
#endif
