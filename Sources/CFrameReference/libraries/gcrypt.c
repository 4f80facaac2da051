// The C reference loop of libgcrypt: the per-frame calls its FrameCrypto backend makes
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

#if defined(FRAMEBENCH_HAVE_GCRYPT)
#include <gcrypt.h>

struct fbr_gcrypt {
    gcry_cipher_hd_t handle;
};

fbr_gcrypt *fbr_gcrypt_new(const uint8_t *key, size_t key_size) {
    if (key_size != 16 && key_size != 32) return NULL;
    if (!gcry_control(GCRYCTL_INITIALIZATION_FINISHED_P)) {
        if (gcry_check_version(GCRYPT_VERSION) == NULL) return NULL;
        gcry_control(GCRYCTL_DISABLE_SECMEM, 0);
        gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
    }
    fbr_gcrypt *context = calloc(1, sizeof *context);
    if (context == NULL) return NULL;
    const int cipher = key_size == 16 ? GCRY_CIPHER_AES : GCRY_CIPHER_AES256;
    if (gcry_cipher_open(&context->handle, cipher, GCRY_CIPHER_MODE_GCM, 0) != 0) {
        free(context);
        return NULL;
    }
    if (gcry_cipher_setkey(context->handle, key, key_size) != 0) {
        fbr_gcrypt_free(context);
        return NULL;
    }
    return context;
}

void fbr_gcrypt_free(fbr_gcrypt *context) {
    if (context == NULL) return;
    if (context->handle != NULL) gcry_cipher_close(context->handle);
    free(context);
}

int64_t fbr_gcrypt_seal_batch(fbr_gcrypt *context, uint8_t *buffer, size_t size, const uint8_t *aad,
                              size_t aad_size, uint8_t *tag, uint64_t *counter, size_t frames) {
    gcry_cipher_hd_t h = context->handle;
    uint64_t next = *counter;
    uint8_t iv[12];
    int ok = 1;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        next += 1;
        library_counter_nonce(iv, next);
        ok &= gcry_cipher_setiv(h, iv, 12) == 0;
        if (aad_size > 0) ok &= gcry_cipher_authenticate(h, aad, aad_size) == 0;
        ok &= gcry_cipher_final(h) == 0;
        if (size > 0) ok &= gcry_cipher_encrypt(h, buffer, size, NULL, 0) == 0;
        ok &= gcry_cipher_gettag(h, tag, 16) == 0;
        if (!ok) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    return ok ? (int64_t)(end - start) : -1;
}

int64_t fbr_gcrypt_open_batch(fbr_gcrypt *context, const uint8_t *ciphertext, uint8_t *plaintext,
                              size_t size, const uint8_t *aad, size_t aad_size, const uint8_t *tag,
                              const uint8_t *nonce, size_t frames) {
    gcry_cipher_hd_t h = context->handle;
    int ok = 1;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        ok &= gcry_cipher_setiv(h, nonce, 12) == 0;
        if (aad_size > 0) ok &= gcry_cipher_authenticate(h, aad, aad_size) == 0;
        ok &= gcry_cipher_final(h) == 0;
        if (size > 0) ok &= gcry_cipher_decrypt(h, plaintext, size, ciphertext, size) == 0;
        ok &= gcry_cipher_checktag(h, tag, 16) == 0;
        if (!ok) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    if (!ok) {
        library_wipe(plaintext, size);
        return -1;
    }
    return (int64_t)(end - start);
}

int64_t fbr_gcrypt_seal_ring(fbr_gcrypt *context, uint8_t *ring, size_t stride, size_t size,
                             size_t aad_size, uint64_t *counter, size_t frames) {
    gcry_cipher_hd_t h = context->handle;
    uint64_t next = *counter;
    uint8_t iv[12];
    int ok = 1;
    uint8_t *slot = ring;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++, slot += stride) {
        uint8_t *text = slot + aad_size;
        next += 1;
        library_counter_nonce(iv, next);
        ok &= gcry_cipher_setiv(h, iv, 12) == 0;
        if (aad_size > 0) ok &= gcry_cipher_authenticate(h, slot, aad_size) == 0;
        ok &= gcry_cipher_final(h) == 0;
        if (size > 0) ok &= gcry_cipher_encrypt(h, text, size, NULL, 0) == 0;
        ok &= gcry_cipher_gettag(h, text + size, 16) == 0;
        if (!ok) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    return ok ? (int64_t)(end - start) : -1;
}

int64_t fbr_gcrypt_open_ring(fbr_gcrypt *context, const uint8_t *ring, size_t stride, size_t size,
                             size_t aad_size, uint8_t *plaintext, uint64_t first_counter,
                             size_t frames) {
    gcry_cipher_hd_t h = context->handle;
    uint8_t iv[12];
    int ok = 1;
    const uint8_t *slot = ring;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++, slot += stride) {
        const uint8_t *text = slot + aad_size;
        library_counter_nonce(iv, first_counter + i);
        ok &= gcry_cipher_setiv(h, iv, 12) == 0;
        if (aad_size > 0) ok &= gcry_cipher_authenticate(h, slot, aad_size) == 0;
        ok &= gcry_cipher_final(h) == 0;
        if (size > 0) ok &= gcry_cipher_decrypt(h, plaintext, size, text, size) == 0;
        ok &= gcry_cipher_checktag(h, text + size, 16) == 0;
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
