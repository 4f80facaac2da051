// The C reference loops of the optional libraries. Every per-frame call sequence here is
// the one the library's FrameCrypto backend makes (Sources/FrameCrypto/Backends), so a
// Swift batch and a C batch of the same size differ by the Swift layers alone.
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
static void library_wipe(void *p, size_t size) {
    volatile uint8_t *bytes = (volatile uint8_t *)p;
    while (size--) *bytes++ = 0;
}

// MARK: nettle

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

// MARK: libgcrypt

#if defined(FRAMEBENCH_HAVE_GCRYPT)
#include <gcrypt.h>

struct fbr_gcrypt {
    gcry_cipher_hd_t handle;
};

fbr_gcrypt *fbr_gcrypt_new(const uint8_t *key) {
    if (!gcry_control(GCRYCTL_INITIALIZATION_FINISHED_P)) {
        if (gcry_check_version(GCRYPT_VERSION) == NULL) return NULL;
        gcry_control(GCRYCTL_DISABLE_SECMEM, 0);
        gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
    }
    fbr_gcrypt *context = calloc(1, sizeof *context);
    if (context == NULL) return NULL;
    if (gcry_cipher_open(&context->handle, GCRY_CIPHER_AES256, GCRY_CIPHER_MODE_GCM, 0) != 0) {
        free(context);
        return NULL;
    }
    if (gcry_cipher_setkey(context->handle, key, 32) != 0) {
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
#endif

// MARK: mbedTLS

#if defined(FRAMEBENCH_HAVE_MBEDTLS)
#include <mbedtls/gcm.h>

struct fbr_mbedtls {
    mbedtls_gcm_context gcm;
};

fbr_mbedtls *fbr_mbedtls_new(const uint8_t *key) {
    fbr_mbedtls *context = calloc(1, sizeof *context);
    if (context == NULL) return NULL;
    mbedtls_gcm_init(&context->gcm);
    if (mbedtls_gcm_setkey(&context->gcm, MBEDTLS_CIPHER_ID_AES, key, 256) != 0) {
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
#endif

// MARK: wolfSSL

#if defined(FRAMEBENCH_HAVE_WOLFSSL)
#include <wolfssl/options.h>
#include <wolfssl/wolfcrypt/aes.h>
#include <wolfssl/wolfcrypt/wc_port.h>

struct fbr_wolfssl {
    Aes aes;
};

fbr_wolfssl *fbr_wolfssl_new(const uint8_t *key) {
    static int initialized = 0;
    if (!initialized) initialized = wolfCrypt_Init() == 0;
    fbr_wolfssl *context = aligned_alloc(16, (sizeof(fbr_wolfssl) + 15) & ~(size_t)15);
    if (context == NULL) return NULL;
    memset(context, 0, sizeof *context);
    if (wc_AesInit(&context->aes, NULL, INVALID_DEVID) != 0) {
        free(context);
        return NULL;
    }
    if (wc_AesGcmSetKey(&context->aes, key, 32) != 0) {
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
#endif

// MARK: Botan (C FFI)

#if defined(FRAMEBENCH_HAVE_BOTAN)
#include <botan/ffi.h>

struct fbr_botan {
    botan_cipher_t encryptor;
    botan_cipher_t decryptor;
    uint8_t *scratch;
    size_t scratch_size;
};

fbr_botan *fbr_botan_new(const uint8_t *key) {
    fbr_botan *context = calloc(1, sizeof *context);
    if (context == NULL) return NULL;
    context->scratch_size = 65536 + 16;
    context->scratch = aligned_alloc(16, context->scratch_size);
    if (context->scratch == NULL
        || botan_cipher_init(&context->encryptor, "AES-256/GCM", BOTAN_CIPHER_INIT_FLAG_ENCRYPT) != 0
        || botan_cipher_init(&context->decryptor, "AES-256/GCM", BOTAN_CIPHER_INIT_FLAG_DECRYPT) != 0
        || botan_cipher_set_key(context->encryptor, key, 32) != 0
        || botan_cipher_set_key(context->decryptor, key, 32) != 0) {
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
#endif
