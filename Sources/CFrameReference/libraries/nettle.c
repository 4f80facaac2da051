// The C reference loop of nettle: the per-frame calls its FrameCrypto backend makes
// (Sources/FrameCrypto/Backends), so a Swift batch and a C batch of the same size differ by the
// Swift layers alone. One file per library: their headers clash (AES_BLOCK_SIZE, …).
#include "CFrameReferenceLibraries.h"
#include "CFrameReference.h"

#include <stdlib.h>
#include <string.h>

// FrameCrypto's Nonce(counter:): four zero bytes, then the counter big-endian.
static inline void library_counter_nonce(uint8_t nonce[12], uint64_t counter) {
    memset(nonce, 0, 4);
    for (int i = 0; i < 8; i++) nonce[4 + i] = (uint8_t)(counter >> (56 - 8 * i));
}

// Wipes `size` bytes in a way the compiler keeps.
static inline void library_wipe(void *p, size_t size) {
    volatile uint8_t *bytes = (volatile uint8_t *)p;
    while (size--) *bytes++ = 0;
}

#if defined(FRAMEBENCH_HAVE_NETTLE)
#include <nettle/gcm.h>
#include <nettle/memops.h>

// NettleContext's two context types: the key size picks one, as its `algorithm` does.
struct fbr_nettle {
    int is128;
    union {
        struct gcm_aes128_ctx aes128;
        struct gcm_aes256_ctx aes256;
    } gcm;
};

fbr_nettle *fbr_nettle_new(const uint8_t *key, size_t key_size) {
    if (key_size != 16 && key_size != 32) return NULL;
    fbr_nettle *context = calloc(1, sizeof *context);
    if (context == NULL) return NULL;
    context->is128 = key_size == 16;
    if (context->is128) {
        gcm_aes128_set_key(&context->gcm.aes128, key);
    } else {
        gcm_aes256_set_key(&context->gcm.aes256, key);
    }
    return context;
}

void fbr_nettle_free(fbr_nettle *context) {
    if (context == NULL) return;
    library_wipe(context, sizeof *context);
    free(context);
}

// The four loops for one key size (BITS 128 or 256): the gcm_aes<BITS>_* calls NettleContext
// makes for that size, the size chosen once per batch, not per frame. Named fbr_*, as the
// reference's own code (scripts/instructions.py).
#define NETTLE_LOOPS(BITS)                                                                          \
    static int64_t fbr_nettle_aes##BITS##_seal_batch(struct gcm_aes##BITS##_ctx *ctx,               \
        uint8_t *buffer, size_t size, const uint8_t *aad, size_t aad_size, uint8_t *tag,            \
        uint64_t *counter, size_t frames) {                                                         \
        uint64_t next = *counter;                                                                   \
        uint8_t iv[12];                                                                             \
        const uint64_t start = fbr_monotonic_ns();                                                  \
        for (size_t i = 0; i < frames; i++) {                                                       \
            next += 1;                                                                              \
            library_counter_nonce(iv, next);                                                        \
            gcm_aes##BITS##_set_iv(ctx, 12, iv);                                                    \
            if (aad_size > 0) gcm_aes##BITS##_update(ctx, aad_size, aad);                           \
            if (size > 0) gcm_aes##BITS##_encrypt(ctx, size, buffer, buffer);                       \
            gcm_aes##BITS##_digest(ctx, 16, tag);                                                   \
        }                                                                                           \
        const uint64_t end = fbr_monotonic_ns();                                                    \
        *counter = next;                                                                            \
        return (int64_t)(end - start);                                                              \
    }                                                                                               \
                                                                                                    \
    static int64_t fbr_nettle_aes##BITS##_open_batch(struct gcm_aes##BITS##_ctx *ctx,               \
        const uint8_t *ciphertext, uint8_t *plaintext, size_t size, const uint8_t *aad,             \
        size_t aad_size, const uint8_t *tag, const uint8_t *nonce, size_t frames) {                 \
        uint8_t computed[16];                                                                       \
        int ok = 1;                                                                                 \
        const uint64_t start = fbr_monotonic_ns();                                                  \
        for (size_t i = 0; i < frames; i++) {                                                       \
            gcm_aes##BITS##_set_iv(ctx, 12, nonce);                                                 \
            if (aad_size > 0) gcm_aes##BITS##_update(ctx, aad_size, aad);                           \
            if (size > 0) gcm_aes##BITS##_decrypt(ctx, size, plaintext, ciphertext);                \
            gcm_aes##BITS##_digest(ctx, 16, computed);                                              \
            ok &= memeql_sec(computed, tag, 16) != 0;                                               \
            if (!ok) break;                                                                         \
        }                                                                                           \
        const uint64_t end = fbr_monotonic_ns();                                                    \
        if (!ok) {                                                                                  \
            library_wipe(plaintext, size);                                                          \
            return -1;                                                                              \
        }                                                                                           \
        return (int64_t)(end - start);                                                              \
    }                                                                                               \
                                                                                                    \
    static int64_t fbr_nettle_aes##BITS##_seal_ring(struct gcm_aes##BITS##_ctx *ctx,                \
        uint8_t *ring, size_t stride, size_t size, size_t aad_size, uint64_t *counter,              \
        size_t frames) {                                                                            \
        uint64_t next = *counter;                                                                   \
        uint8_t iv[12];                                                                             \
        uint8_t *slot = ring;                                                                       \
        const uint64_t start = fbr_monotonic_ns();                                                  \
        for (size_t i = 0; i < frames; i++, slot += stride) {                                       \
            uint8_t *text = slot + aad_size;                                                        \
            next += 1;                                                                              \
            library_counter_nonce(iv, next);                                                        \
            gcm_aes##BITS##_set_iv(ctx, 12, iv);                                                    \
            if (aad_size > 0) gcm_aes##BITS##_update(ctx, aad_size, slot);                          \
            if (size > 0) gcm_aes##BITS##_encrypt(ctx, size, text, text);                           \
            gcm_aes##BITS##_digest(ctx, 16, text + size);                                           \
        }                                                                                           \
        const uint64_t end = fbr_monotonic_ns();                                                    \
        *counter = next;                                                                            \
        return (int64_t)(end - start);                                                              \
    }                                                                                               \
                                                                                                    \
    static int64_t fbr_nettle_aes##BITS##_open_ring(struct gcm_aes##BITS##_ctx *ctx,                \
        const uint8_t *ring, size_t stride, size_t size, size_t aad_size, uint8_t *plaintext,       \
        uint64_t first_counter, size_t frames) {                                                    \
        uint8_t iv[12];                                                                             \
        uint8_t computed[16];                                                                       \
        int ok = 1;                                                                                 \
        const uint8_t *slot = ring;                                                                 \
        const uint64_t start = fbr_monotonic_ns();                                                  \
        for (size_t i = 0; i < frames; i++, slot += stride) {                                       \
            const uint8_t *text = slot + aad_size;                                                  \
            library_counter_nonce(iv, first_counter + i);                                           \
            gcm_aes##BITS##_set_iv(ctx, 12, iv);                                                    \
            if (aad_size > 0) gcm_aes##BITS##_update(ctx, aad_size, slot);                          \
            if (size > 0) gcm_aes##BITS##_decrypt(ctx, size, plaintext, text);                      \
            gcm_aes##BITS##_digest(ctx, 16, computed);                                              \
            ok &= memeql_sec(computed, text + size, 16) != 0;                                       \
            if (!ok) break;                                                                         \
        }                                                                                           \
        const uint64_t end = fbr_monotonic_ns();                                                    \
        if (!ok) {                                                                                  \
            library_wipe(plaintext, size);                                                          \
            return -1;                                                                              \
        }                                                                                           \
        return (int64_t)(end - start);                                                              \
    }

NETTLE_LOOPS(128)
NETTLE_LOOPS(256)
#undef NETTLE_LOOPS

int64_t fbr_nettle_seal_batch(fbr_nettle *context, uint8_t *buffer, size_t size, const uint8_t *aad,
                              size_t aad_size, uint8_t *tag, uint64_t *counter, size_t frames) {
    if (context->is128)
        return fbr_nettle_aes128_seal_batch(&context->gcm.aes128, buffer, size, aad, aad_size, tag,
                                            counter, frames);
    return fbr_nettle_aes256_seal_batch(&context->gcm.aes256, buffer, size, aad, aad_size, tag,
                                        counter, frames);
}

int64_t fbr_nettle_open_batch(fbr_nettle *context, const uint8_t *ciphertext, uint8_t *plaintext,
                              size_t size, const uint8_t *aad, size_t aad_size, const uint8_t *tag,
                              const uint8_t *nonce, size_t frames) {
    if (context->is128)
        return fbr_nettle_aes128_open_batch(&context->gcm.aes128, ciphertext, plaintext, size, aad,
                                            aad_size, tag, nonce, frames);
    return fbr_nettle_aes256_open_batch(&context->gcm.aes256, ciphertext, plaintext, size, aad,
                                        aad_size, tag, nonce, frames);
}

int64_t fbr_nettle_seal_ring(fbr_nettle *context, uint8_t *ring, size_t stride, size_t size,
                             size_t aad_size, uint64_t *counter, size_t frames) {
    if (context->is128)
        return fbr_nettle_aes128_seal_ring(&context->gcm.aes128, ring, stride, size, aad_size,
                                           counter, frames);
    return fbr_nettle_aes256_seal_ring(&context->gcm.aes256, ring, stride, size, aad_size, counter,
                                       frames);
}

int64_t fbr_nettle_open_ring(fbr_nettle *context, const uint8_t *ring, size_t stride, size_t size,
                             size_t aad_size, uint8_t *plaintext, uint64_t first_counter,
                             size_t frames) {
    if (context->is128)
        return fbr_nettle_aes128_open_ring(&context->gcm.aes128, ring, stride, size, aad_size,
                                           plaintext, first_counter, frames);
    return fbr_nettle_aes256_open_ring(&context->gcm.aes256, ring, stride, size, aad_size,
                                       plaintext, first_counter, frames);
}
#endif
