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

struct fbr_nettle {
    struct gcm_aes256_ctx gcm;
};

fbr_nettle *fbr_nettle_new(const uint8_t *key) {
    fbr_nettle *context = calloc(1, sizeof *context);
    if (context == NULL) return NULL;
    gcm_aes256_set_key(&context->gcm, key);
    return context;
}

void fbr_nettle_free(fbr_nettle *context) {
    if (context == NULL) return;
    library_wipe(context, sizeof *context);
    free(context);
}

int64_t fbr_nettle_seal_batch(fbr_nettle *context, uint8_t *buffer, size_t size, const uint8_t *aad,
                              size_t aad_size, uint8_t *tag, uint64_t *counter, size_t frames) {
    struct gcm_aes256_ctx *ctx = &context->gcm;
    uint64_t next = *counter;
    uint8_t iv[12];
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        next += 1;
        library_counter_nonce(iv, next);
        gcm_aes256_set_iv(ctx, 12, iv);
        if (aad_size > 0) gcm_aes256_update(ctx, aad_size, aad);
        if (size > 0) gcm_aes256_encrypt(ctx, size, buffer, buffer);
        gcm_aes256_digest(ctx, 16, tag);
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    return (int64_t)(end - start);
}

int64_t fbr_nettle_open_batch(fbr_nettle *context, const uint8_t *ciphertext, uint8_t *plaintext,
                              size_t size, const uint8_t *aad, size_t aad_size, const uint8_t *tag,
                              const uint8_t *nonce, size_t frames) {
    struct gcm_aes256_ctx *ctx = &context->gcm;
    uint8_t computed[16];
    int ok = 1;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        gcm_aes256_set_iv(ctx, 12, nonce);
        if (aad_size > 0) gcm_aes256_update(ctx, aad_size, aad);
        if (size > 0) gcm_aes256_decrypt(ctx, size, plaintext, ciphertext);
        gcm_aes256_digest(ctx, 16, computed);
        ok &= memeql_sec(computed, tag, 16) != 0;
        if (!ok) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    if (!ok) {
        library_wipe(plaintext, size);
        return -1;
    }
    return (int64_t)(end - start);
}
#endif
