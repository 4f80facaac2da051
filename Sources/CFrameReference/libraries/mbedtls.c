// The C reference loop of mbedTLS: the per-frame calls its FrameCrypto backend makes
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

#if defined(FRAMEBENCH_HAVE_MBEDTLS)
#include <mbedtls/gcm.h>

struct fbr_mbedtls {
    mbedtls_gcm_context gcm;
};

fbr_mbedtls *fbr_mbedtls_new(const uint8_t *key, size_t key_size) {
    if (key_size != 16 && key_size != 32) return NULL;
    fbr_mbedtls *context = calloc(1, sizeof *context);
    if (context == NULL) return NULL;
    mbedtls_gcm_init(&context->gcm);
    const unsigned int bits = (unsigned int)(key_size * 8);
    if (mbedtls_gcm_setkey(&context->gcm, MBEDTLS_CIPHER_ID_AES, key, bits) != 0) {
        fbr_mbedtls_free(context);
        return NULL;
    }
    return context;
}

void fbr_mbedtls_free(fbr_mbedtls *context) {
    if (context == NULL) return;
    mbedtls_gcm_free(&context->gcm);
    free(context);
}

int64_t fbr_mbedtls_seal_batch(fbr_mbedtls *context, uint8_t *buffer, size_t size,
                               const uint8_t *aad, size_t aad_size, uint8_t *tag,
                               uint64_t *counter, size_t frames) {
    mbedtls_gcm_context *ctx = &context->gcm;
    uint64_t next = *counter;
    uint8_t iv[12];
    int status = 0;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        next += 1;
        library_counter_nonce(iv, next);
        status |= mbedtls_gcm_crypt_and_tag(ctx, MBEDTLS_GCM_ENCRYPT, size, iv, 12, aad, aad_size,
                                            buffer, buffer, 16, tag);
        if (status != 0) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    return status == 0 ? (int64_t)(end - start) : -1;
}

int64_t fbr_mbedtls_open_batch(fbr_mbedtls *context, const uint8_t *ciphertext, uint8_t *plaintext,
                               size_t size, const uint8_t *aad, size_t aad_size,
                               const uint8_t *tag, const uint8_t *nonce, size_t frames) {
    mbedtls_gcm_context *ctx = &context->gcm;
    int status = 0;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        status |= mbedtls_gcm_auth_decrypt(ctx, size, nonce, 12, aad, aad_size, tag, 16, ciphertext,
                                           plaintext);
        if (status != 0) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    if (status != 0) {
        library_wipe(plaintext, size);
        return -1;
    }
    return (int64_t)(end - start);
}

int64_t fbr_mbedtls_seal_ring(fbr_mbedtls *context, uint8_t *ring, size_t stride, size_t size,
                              size_t aad_size, uint64_t *counter, size_t frames) {
    mbedtls_gcm_context *ctx = &context->gcm;
    uint64_t next = *counter;
    uint8_t iv[12];
    int status = 0;
    uint8_t *slot = ring;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++, slot += stride) {
        uint8_t *text = slot + aad_size;
        next += 1;
        library_counter_nonce(iv, next);
        status |= mbedtls_gcm_crypt_and_tag(ctx, MBEDTLS_GCM_ENCRYPT, size, iv, 12, slot, aad_size,
                                            text, text, 16, text + size);
        if (status != 0) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    return status == 0 ? (int64_t)(end - start) : -1;
}

int64_t fbr_mbedtls_open_ring(fbr_mbedtls *context, const uint8_t *ring, size_t stride, size_t size,
                              size_t aad_size, uint8_t *plaintext, uint64_t first_counter,
                              size_t frames) {
    mbedtls_gcm_context *ctx = &context->gcm;
    uint8_t iv[12];
    int status = 0;
    const uint8_t *slot = ring;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++, slot += stride) {
        const uint8_t *text = slot + aad_size;
        library_counter_nonce(iv, first_counter + i);
        status |= mbedtls_gcm_auth_decrypt(ctx, size, iv, 12, slot, aad_size, text + size, 16, text,
                                           plaintext);
        if (status != 0) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    if (status != 0) {
        library_wipe(plaintext, size);
        return -1;
    }
    return (int64_t)(end - start);
}
#endif
