// The C reference loop of wolfSSL: the per-frame calls its FrameCrypto backend makes
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

#if defined(FRAMEBENCH_HAVE_WOLFSSL)
#include <wolfssl/options.h>
#include <wolfssl/wolfcrypt/aes.h>
#include <wolfssl/wolfcrypt/wc_port.h>

struct fbr_wolfssl {
    Aes aes;
};

fbr_wolfssl *fbr_wolfssl_new(const uint8_t *key, size_t key_size) {
    if (key_size != 16 && key_size != 32) return NULL;
    static int initialized = 0;
    if (!initialized) initialized = wolfCrypt_Init() == 0;
    fbr_wolfssl *context = aligned_alloc(16, (sizeof(fbr_wolfssl) + 15) & ~(size_t)15);
    if (context == NULL) return NULL;
    memset(context, 0, sizeof *context);
    if (wc_AesInit(&context->aes, NULL, INVALID_DEVID) != 0) {
        free(context);
        return NULL;
    }
    if (wc_AesGcmSetKey(&context->aes, key, (word32)key_size) != 0) {
        fbr_wolfssl_free(context);
        return NULL;
    }
    return context;
}

void fbr_wolfssl_free(fbr_wolfssl *context) {
    if (context == NULL) return;
    wc_AesFree(&context->aes);
    library_wipe(context, sizeof *context);
    free(context);
}

int64_t fbr_wolfssl_seal_batch(fbr_wolfssl *context, uint8_t *buffer, size_t size,
                               const uint8_t *aad, size_t aad_size, uint8_t *tag,
                               uint64_t *counter, size_t frames) {
    Aes *aes = &context->aes;
    uint64_t next = *counter;
    uint8_t iv[12];
    int status = 0;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        next += 1;
        library_counter_nonce(iv, next);
        status |= wc_AesGcmEncrypt(aes, buffer, buffer, (word32)size, iv, 12, tag, 16, aad,
                                   (word32)aad_size);
        if (status != 0) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    return status == 0 ? (int64_t)(end - start) : -1;
}

int64_t fbr_wolfssl_open_batch(fbr_wolfssl *context, const uint8_t *ciphertext, uint8_t *plaintext,
                               size_t size, const uint8_t *aad, size_t aad_size,
                               const uint8_t *tag, const uint8_t *nonce, size_t frames) {
    Aes *aes = &context->aes;
    int status = 0;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        status |= wc_AesGcmDecrypt(aes, plaintext, ciphertext, (word32)size, nonce, 12, tag, 16, aad,
                                   (word32)aad_size);
        if (status != 0) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    if (status != 0) {
        library_wipe(plaintext, size);
        return -1;
    }
    return (int64_t)(end - start);
}

int64_t fbr_wolfssl_seal_ring(fbr_wolfssl *context, uint8_t *ring, size_t stride, size_t size,
                              size_t aad_size, uint64_t *counter, size_t frames) {
    Aes *aes = &context->aes;
    uint64_t next = *counter;
    uint8_t iv[12];
    int status = 0;
    uint8_t *slot = ring;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++, slot += stride) {
        uint8_t *text = slot + aad_size;
        next += 1;
        library_counter_nonce(iv, next);
        status |= wc_AesGcmEncrypt(aes, text, text, (word32)size, iv, 12, text + size, 16, slot,
                                   (word32)aad_size);
        if (status != 0) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    return status == 0 ? (int64_t)(end - start) : -1;
}

int64_t fbr_wolfssl_open_ring(fbr_wolfssl *context, const uint8_t *ring, size_t stride, size_t size,
                              size_t aad_size, uint8_t *plaintext, uint64_t first_counter,
                              size_t frames) {
    Aes *aes = &context->aes;
    uint8_t iv[12];
    int status = 0;
    const uint8_t *slot = ring;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++, slot += stride) {
        const uint8_t *text = slot + aad_size;
        library_counter_nonce(iv, first_counter + i);
        status |= wc_AesGcmDecrypt(aes, plaintext, text, (word32)size, iv, 12, text + size, 16, slot,
                                   (word32)aad_size);
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
