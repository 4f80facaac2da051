// The C reference loop of Botan (C FFI): the per-frame calls its FrameCrypto backend makes
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

#if defined(FRAMEBENCH_HAVE_BOTAN)
#include <botan/ffi.h>

struct fbr_botan {
    botan_cipher_t encryptor;
    botan_cipher_t decryptor;
    uint8_t *scratch;
    size_t scratch_size;
};

fbr_botan *fbr_botan_new(const uint8_t *key, size_t key_size) {
    if (key_size != 16 && key_size != 32) return NULL;
    const char *name = key_size == 16 ? "AES-128/GCM" : "AES-256/GCM";
    fbr_botan *context = calloc(1, sizeof *context);
    if (context == NULL) return NULL;
    context->scratch_size = 65536 + 16;
    context->scratch = aligned_alloc(16, context->scratch_size);
    if (context->scratch == NULL
        || botan_cipher_init(&context->encryptor, name, BOTAN_CIPHER_INIT_FLAG_ENCRYPT) != 0
        || botan_cipher_init(&context->decryptor, name, BOTAN_CIPHER_INIT_FLAG_DECRYPT) != 0
        || botan_cipher_set_key(context->encryptor, key, key_size) != 0
        || botan_cipher_set_key(context->decryptor, key, key_size) != 0) {
        fbr_botan_free(context);
        return NULL;
    }
    return context;
}

void fbr_botan_free(fbr_botan *context) {
    if (context == NULL) return;
    if (context->encryptor != NULL) botan_cipher_destroy(context->encryptor);
    if (context->decryptor != NULL) botan_cipher_destroy(context->decryptor);
    if (context->scratch != NULL) {
        library_wipe(context->scratch, context->scratch_size);
        free(context->scratch);
    }
    free(context);
}

// The scratch buffer, grown when `size` bytes do not fit (as BotanContext does).
static uint8_t *botan_scratch(fbr_botan *context, size_t size) {
    if (size > context->scratch_size) {
        library_wipe(context->scratch, context->scratch_size);
        free(context->scratch);
        context->scratch = aligned_alloc(16, (size + 15) & ~(size_t)15);
        context->scratch_size = context->scratch == NULL ? 0 : size;
    }
    return context->scratch;
}

int64_t fbr_botan_seal_batch(fbr_botan *context, uint8_t *buffer, size_t size, const uint8_t *aad,
                             size_t aad_size, uint8_t *tag, uint64_t *counter, size_t frames) {
    botan_cipher_t c = context->encryptor;
    uint64_t next = *counter;
    uint8_t iv[12];
    int ok = 1;
    size_t written = 0, consumed = 0;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        next += 1;
        library_counter_nonce(iv, next);
        uint8_t *out = botan_scratch(context, size + 16);
        if (out == NULL) return -1;
        ok &= botan_cipher_set_associated_data(c, aad, aad_size) == 0;
        ok &= botan_cipher_start(c, iv, 12) == 0;
        ok &= botan_cipher_update(c, BOTAN_CIPHER_UPDATE_FLAG_FINAL, out, size + 16, &written, buffer,
                                  size, &consumed) == 0;
        ok &= written == size + 16;
        if (!ok) break;
        if (size > 0) memcpy(buffer, out, size);
        memcpy(tag, out + size, 16);
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    return ok ? (int64_t)(end - start) : -1;
}

int64_t fbr_botan_open_batch(fbr_botan *context, const uint8_t *ciphertext, uint8_t *plaintext,
                             size_t size, const uint8_t *aad, size_t aad_size, const uint8_t *tag,
                             const uint8_t *nonce, size_t frames) {
    botan_cipher_t c = context->decryptor;
    int ok = 1;
    size_t written = 0, consumed = 0;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        uint8_t *in = botan_scratch(context, size + 16);
        if (in == NULL) return -1;
        if (size > 0) memcpy(in, ciphertext, size);
        memcpy(in + size, tag, 16);
        ok &= botan_cipher_set_associated_data(c, aad, aad_size) == 0;
        ok &= botan_cipher_start(c, nonce, 12) == 0;
        ok &= botan_cipher_update(c, BOTAN_CIPHER_UPDATE_FLAG_FINAL, plaintext, size, &written, in,
                                  size + 16, &consumed) == 0;
        ok &= written == size;
        if (!ok) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    if (!ok) {
        library_wipe(plaintext, size);
        return -1;
    }
    return (int64_t)(end - start);
}

int64_t fbr_botan_seal_ring(fbr_botan *context, uint8_t *ring, size_t stride, size_t size,
                            size_t aad_size, uint64_t *counter, size_t frames) {
    botan_cipher_t c = context->encryptor;
    uint64_t next = *counter;
    uint8_t iv[12];
    int ok = 1;
    size_t written = 0, consumed = 0;
    uint8_t *slot = ring;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++, slot += stride) {
        uint8_t *text = slot + aad_size;
        next += 1;
        library_counter_nonce(iv, next);
        uint8_t *out = botan_scratch(context, size + 16);
        if (out == NULL) return -1;
        ok &= botan_cipher_set_associated_data(c, slot, aad_size) == 0;
        ok &= botan_cipher_start(c, iv, 12) == 0;
        ok &= botan_cipher_update(c, BOTAN_CIPHER_UPDATE_FLAG_FINAL, out, size + 16, &written, text,
                                  size, &consumed) == 0;
        ok &= written == size + 16;
        if (!ok) break;
        if (size > 0) memcpy(text, out, size);
        memcpy(text + size, out + size, 16);
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    return ok ? (int64_t)(end - start) : -1;
}

int64_t fbr_botan_open_ring(fbr_botan *context, const uint8_t *ring, size_t stride, size_t size,
                            size_t aad_size, uint8_t *plaintext, uint64_t first_counter,
                            size_t frames) {
    botan_cipher_t c = context->decryptor;
    uint8_t iv[12];
    int ok = 1;
    size_t written = 0, consumed = 0;
    const uint8_t *slot = ring;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++, slot += stride) {
        const uint8_t *text = slot + aad_size;
        library_counter_nonce(iv, first_counter + i);
        uint8_t *in = botan_scratch(context, size + 16);
        if (in == NULL) return -1;
        if (size > 0) memcpy(in, text, size);
        memcpy(in + size, text + size, 16);
        ok &= botan_cipher_set_associated_data(c, slot, aad_size) == 0;
        ok &= botan_cipher_start(c, iv, 12) == 0;
        ok &= botan_cipher_update(c, BOTAN_CIPHER_UPDATE_FLAG_FINAL, plaintext, size, &written, in,
                                  size + 16, &consumed) == 0;
        ok &= written == size;
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
