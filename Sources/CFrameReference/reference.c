// The C reference loops. Every per-frame call sequence here is the one FrameCrypto's
// OpenSSLContext and SodiumContext make, so the difference between a Swift batch and a C
// batch of the same size is the cost of the Swift layers, not of different library use.
#include "CFrameReference.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <sodium.h>

uint64_t fbr_monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

// FrameCrypto's Nonce(counter:): four zero bytes, then the counter big-endian.
static inline void counter_nonce(uint8_t nonce[12], uint64_t counter) {
    memset(nonce, 0, 4);
    for (int i = 0; i < 8; i++) nonce[4 + i] = (uint8_t)(counter >> (56 - 8 * i));
}

// MARK: OpenSSL

struct fbr_openssl {
    EVP_CIPHER *cipher;
    EVP_CIPHER_CTX *encryptor;
    EVP_CIPHER_CTX *decryptor;
};

fbr_openssl *fbr_openssl_new(const uint8_t *key) {
    fbr_openssl *context = calloc(1, sizeof *context);
    if (context == NULL) return NULL;
    context->cipher = EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL);
    context->encryptor = EVP_CIPHER_CTX_new();
    context->decryptor = EVP_CIPHER_CTX_new();
    if (context->cipher == NULL || context->encryptor == NULL || context->decryptor == NULL
        || EVP_EncryptInit_ex2(context->encryptor, context->cipher, key, NULL, NULL) != 1
        || EVP_DecryptInit_ex2(context->decryptor, context->cipher, key, NULL, NULL) != 1) {
        ERR_clear_error();
        fbr_openssl_free(context);
        return NULL;
    }
    return context;
}

void fbr_openssl_free(fbr_openssl *context) {
    if (context == NULL) return;
    EVP_CIPHER_CTX_free(context->encryptor);
    EVP_CIPHER_CTX_free(context->decryptor);
    EVP_CIPHER_free(context->cipher);
    free(context);
}

int64_t fbr_openssl_seal_batch(fbr_openssl *context, uint8_t *buffer, size_t size,
                               const uint8_t *aad, size_t aad_size, uint8_t *tag,
                               uint64_t *counter, size_t frames) {
    if (size > INT_MAX || aad_size > INT_MAX) return -1;
    EVP_CIPHER_CTX *ctx = context->encryptor;
    uint64_t next = *counter;
    uint8_t iv[12];
    int written = 0;
    int ok = 1;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        next += 1;
        counter_nonce(iv, next);
        ok &= EVP_EncryptInit_ex2(ctx, NULL, NULL, iv, NULL) == 1;
        if (aad_size > 0) ok &= EVP_EncryptUpdate(ctx, NULL, &written, aad, (int)aad_size) == 1;
        if (size > 0) ok &= EVP_EncryptUpdate(ctx, buffer, &written, buffer, (int)size) == 1;
        ok &= EVP_EncryptFinal_ex(ctx, NULL, &written) == 1;
        ok &= EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag) == 1;
        if (!ok) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    if (!ok) {
        ERR_clear_error();
        return -1;
    }
    return (int64_t)(end - start);
}

int64_t fbr_openssl_open_batch(fbr_openssl *context, const uint8_t *ciphertext, uint8_t *plaintext,
                               size_t size, const uint8_t *aad, size_t aad_size,
                               const uint8_t *tag, const uint8_t *nonce, size_t frames) {
    if (size > INT_MAX || aad_size > INT_MAX) return -1;
    EVP_CIPHER_CTX *ctx = context->decryptor;
    int written = 0;
    int ok = 1;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        ok &= EVP_DecryptInit_ex2(ctx, NULL, NULL, nonce, NULL) == 1;
        ok &= EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, (void *)tag) == 1;
        if (aad_size > 0) ok &= EVP_DecryptUpdate(ctx, NULL, &written, aad, (int)aad_size) == 1;
        if (size > 0) ok &= EVP_DecryptUpdate(ctx, plaintext, &written, ciphertext, (int)size) == 1;
        ok &= EVP_DecryptFinal_ex(ctx, NULL, &written) == 1;
        if (!ok) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    if (!ok) {
        ERR_clear_error();
        OPENSSL_cleanse(plaintext, size);
        return -1;
    }
    return (int64_t)(end - start);
}

int64_t fbr_openssl_seal_ring(fbr_openssl *context, uint8_t *ring, size_t stride, size_t size,
                              size_t aad_size, uint64_t *counter, size_t frames) {
    if (size > INT_MAX || aad_size > INT_MAX) return -1;
    EVP_CIPHER_CTX *ctx = context->encryptor;
    uint64_t next = *counter;
    uint8_t iv[12];
    int written = 0;
    int ok = 1;
    uint8_t *slot = ring;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++, slot += stride) {
        uint8_t *text = slot + aad_size;
        next += 1;
        counter_nonce(iv, next);
        ok &= EVP_EncryptInit_ex2(ctx, NULL, NULL, iv, NULL) == 1;
        if (aad_size > 0) ok &= EVP_EncryptUpdate(ctx, NULL, &written, slot, (int)aad_size) == 1;
        if (size > 0) ok &= EVP_EncryptUpdate(ctx, text, &written, text, (int)size) == 1;
        ok &= EVP_EncryptFinal_ex(ctx, NULL, &written) == 1;
        ok &= EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, text + size) == 1;
        if (!ok) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    if (!ok) {
        ERR_clear_error();
        return -1;
    }
    return (int64_t)(end - start);
}

int64_t fbr_openssl_open_ring(fbr_openssl *context, const uint8_t *ring, size_t stride, size_t size,
                              size_t aad_size, uint8_t *plaintext, uint64_t first_counter,
                              size_t frames) {
    if (size > INT_MAX || aad_size > INT_MAX) return -1;
    EVP_CIPHER_CTX *ctx = context->decryptor;
    uint8_t iv[12];
    int written = 0;
    int ok = 1;
    const uint8_t *slot = ring;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++, slot += stride) {
        const uint8_t *text = slot + aad_size;
        counter_nonce(iv, first_counter + i);
        ok &= EVP_DecryptInit_ex2(ctx, NULL, NULL, iv, NULL) == 1;
        ok &= EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, (void *)(text + size)) == 1;
        if (aad_size > 0) ok &= EVP_DecryptUpdate(ctx, NULL, &written, slot, (int)aad_size) == 1;
        if (size > 0) ok &= EVP_DecryptUpdate(ctx, plaintext, &written, text, (int)size) == 1;
        ok &= EVP_DecryptFinal_ex(ctx, NULL, &written) == 1;
        if (!ok) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    if (!ok) {
        ERR_clear_error();
        OPENSSL_cleanse(plaintext, size);
        return -1;
    }
    return (int64_t)(end - start);
}

// MARK: libsodium

struct fbr_sodium {
    crypto_aead_aes256gcm_state *state;
};

fbr_sodium *fbr_sodium_new(const uint8_t *key) {
    if (sodium_init() < 0 || crypto_aead_aes256gcm_is_available() == 0) return NULL;
    fbr_sodium *context = calloc(1, sizeof *context);
    if (context == NULL) return NULL;
    // The state must be 16-byte aligned; statebytes() is a multiple of 16.
    context->state = aligned_alloc(16, crypto_aead_aes256gcm_statebytes());
    if (context->state == NULL || crypto_aead_aes256gcm_beforenm(context->state, key) != 0) {
        fbr_sodium_free(context);
        return NULL;
    }
    return context;
}

void fbr_sodium_free(fbr_sodium *context) {
    if (context == NULL) return;
    if (context->state != NULL) {
        sodium_memzero(context->state, crypto_aead_aes256gcm_statebytes());
        free(context->state);
    }
    free(context);
}

int64_t fbr_sodium_seal_batch(fbr_sodium *context, uint8_t *buffer, size_t size,
                              const uint8_t *aad, size_t aad_size, uint8_t *tag,
                              uint64_t *counter, size_t frames) {
    const crypto_aead_aes256gcm_state *state = context->state;
    uint64_t next = *counter;
    uint8_t npub[12];
    int status = 0;
    // As SodiumContext does: an empty frame gets the tag's address, never touched at length zero.
    uint8_t *text = size > 0 ? buffer : tag;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        next += 1;
        counter_nonce(npub, next);
        status |= crypto_aead_aes256gcm_encrypt_detached_afternm(
            text, tag, NULL, text, (unsigned long long)size, aad, (unsigned long long)aad_size,
            NULL, npub, state);
        if (status != 0) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    return status == 0 ? (int64_t)(end - start) : -1;
}

int64_t fbr_sodium_open_batch(fbr_sodium *context, const uint8_t *ciphertext, uint8_t *plaintext,
                              size_t size, const uint8_t *aad, size_t aad_size,
                              const uint8_t *tag, const uint8_t *nonce, size_t frames) {
    const crypto_aead_aes256gcm_state *state = context->state;
    int status = 0;
    uint8_t *out = size > 0 ? plaintext : (uint8_t *)tag;
    const uint8_t *in = size > 0 ? ciphertext : tag;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        status |= crypto_aead_aes256gcm_decrypt_detached_afternm(
            out, NULL, in, (unsigned long long)size, tag, aad, (unsigned long long)aad_size,
            nonce, state);
        if (status != 0) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    if (status != 0) {
        if (size > 0) sodium_memzero(plaintext, size);
        return -1;
    }
    return (int64_t)(end - start);
}

int64_t fbr_sodium_seal_ring(fbr_sodium *context, uint8_t *ring, size_t stride, size_t size,
                             size_t aad_size, uint64_t *counter, size_t frames) {
    const crypto_aead_aes256gcm_state *state = context->state;
    uint64_t next = *counter;
    uint8_t npub[12];
    int status = 0;
    uint8_t *slot = ring;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++, slot += stride) {
        uint8_t *text = slot + aad_size;
        next += 1;
        counter_nonce(npub, next);
        status |= crypto_aead_aes256gcm_encrypt_detached_afternm(
            text, text + size, NULL, text, (unsigned long long)size, slot,
            (unsigned long long)aad_size, NULL, npub, state);
        if (status != 0) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    return status == 0 ? (int64_t)(end - start) : -1;
}

int64_t fbr_sodium_open_ring(fbr_sodium *context, const uint8_t *ring, size_t stride, size_t size,
                             size_t aad_size, uint8_t *plaintext, uint64_t first_counter,
                             size_t frames) {
    const crypto_aead_aes256gcm_state *state = context->state;
    uint8_t npub[12];
    int status = 0;
    const uint8_t *slot = ring;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++, slot += stride) {
        const uint8_t *text = slot + aad_size;
        counter_nonce(npub, first_counter + i);
        status |= crypto_aead_aes256gcm_decrypt_detached_afternm(
            size > 0 ? plaintext : (uint8_t *)text, NULL, text, (unsigned long long)size, text + size,
            slot, (unsigned long long)aad_size, npub, state);
        if (status != 0) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    if (status != 0) {
        if (size > 0) sodium_memzero(plaintext, size);
        return -1;
    }
    return (int64_t)(end - start);
}
