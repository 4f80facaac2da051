// The C reference for every SFrame cipher suite's AEAD (CFrameReferenceSuites.h). The
// per-frame call sequence is FrameCrypto's OpenSSLContext / OpenSSLCTRHMAC one, call for call.

// The low-level SHA256_* / SHA512_* calls are deprecated in OpenSSL 3 but are its only
// HMAC path that does not allocate per frame (EVP_MD_CTX_copy_ex allocates a provider
// context on every copy); FrameCrypto reaches them through COpenSSL's wrappers.
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include "CFrameReferenceSuites.h"
#include "CFrameReference.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

struct fbr_openssl_suite {
    EVP_CIPHER *cipher;
    EVP_CIPHER_CTX *encryptor;
    EVP_CIPHER_CTX *decryptor;
    int gcm;            // 1 for suites 4 and 5
    int sha512;         // CTR suites: 1 for HMAC-SHA-512 (6-8), 0 for HMAC-SHA-256 (1-3)
    size_t tag_size;
    union { SHA256_CTX s256; SHA512_CTX s512; } inner, outer, work;
    uint8_t mac[64];
};

static int suite_shape(uint16_t suite, int *gcm, int *sha512, size_t *aes_key, size_t *tag) {
    static const size_t tags[] = {0, 10, 8, 4, 16, 16, 10, 8, 4};
    if (suite < 1 || suite > 8) return 0;
    *gcm = suite == 4 || suite == 5;
    *sha512 = suite >= 5;
    *aes_key = (suite <= 4) ? 16 : 32;
    *tag = tags[suite];
    return 1;
}

static inline void counter_nonce(uint8_t nonce[12], uint64_t counter) {
    memset(nonce, 0, 4);
    for (int i = 0; i < 8; i++) nonce[4 + i] = (uint8_t)(counter >> (56 - 8 * i));
}

static inline void put_be64(uint8_t *to, uint64_t value) {
    for (int i = 0; i < 8; i++) to[i] = (uint8_t)(value >> (56 - 8 * i));
}

// The pre-keyed HMAC states: inner after auth_key ^ ipad, outer after auth_key ^ opad.
static void hmac_key(fbr_openssl_suite *c, const uint8_t *auth_key) {
    size_t block = c->sha512 ? 128 : 64, key_size = c->sha512 ? 64 : 32;
    uint8_t pad[128] = {0};
    memcpy(pad, auth_key, key_size);
    for (size_t i = 0; i < block; i++) pad[i] ^= 0x36;
    if (c->sha512) { SHA512_Init(&c->inner.s512); SHA512_Update(&c->inner.s512, pad, block); }
    else { SHA256_Init(&c->inner.s256); SHA256_Update(&c->inner.s256, pad, block); }
    for (size_t i = 0; i < block; i++) pad[i] ^= 0x36 ^ 0x5c;
    if (c->sha512) { SHA512_Init(&c->outer.s512); SHA512_Update(&c->outer.s512, pad, block); }
    else { SHA256_Init(&c->outer.s256); SHA256_Update(&c->outer.s256, pad, block); }
    OPENSSL_cleanse(pad, sizeof pad);
}

// HMAC(auth_key, len(aad) || len(ct) || Nt || nonce || aad || ct) into c->mac.
static inline void hmac_frame(fbr_openssl_suite *c, const uint8_t nonce[12], const uint8_t *aad,
                              size_t aad_size, const uint8_t *ct, size_t ct_size) {
    uint8_t prefix[36];
    put_be64(prefix, aad_size);
    put_be64(prefix + 8, ct_size);
    put_be64(prefix + 16, c->tag_size);
    memcpy(prefix + 24, nonce, 12);
    if (c->sha512) {
        c->work.s512 = c->inner.s512;
        SHA512_Update(&c->work.s512, prefix, sizeof prefix);
        if (aad_size > 0) SHA512_Update(&c->work.s512, aad, aad_size);
        if (ct_size > 0) SHA512_Update(&c->work.s512, ct, ct_size);
        SHA512_Final(c->mac, &c->work.s512);
        c->work.s512 = c->outer.s512;
        SHA512_Update(&c->work.s512, c->mac, 64);
        SHA512_Final(c->mac, &c->work.s512);
    } else {
        c->work.s256 = c->inner.s256;
        SHA256_Update(&c->work.s256, prefix, sizeof prefix);
        if (aad_size > 0) SHA256_Update(&c->work.s256, aad, aad_size);
        if (ct_size > 0) SHA256_Update(&c->work.s256, ct, ct_size);
        SHA256_Final(c->mac, &c->work.s256);
        c->work.s256 = c->outer.s256;
        SHA256_Update(&c->work.s256, c->mac, 32);
        SHA256_Final(c->mac, &c->work.s256);
    }
}

// AES-CTR from nonce || 0x00000000.
static inline int ctr_crypt(EVP_CIPHER_CTX *ctx, const uint8_t nonce[12], const uint8_t *in,
                            uint8_t *out, size_t size) {
    uint8_t block[16];
    int written = 0;
    memcpy(block, nonce, 12);
    memset(block + 12, 0, 4);
    if (EVP_EncryptInit_ex2(ctx, NULL, NULL, block, NULL) != 1) return 0;
    return size == 0 || EVP_EncryptUpdate(ctx, out, &written, in, (int)size) == 1;
}

fbr_openssl_suite *fbr_openssl_suite_new(uint16_t cipher_suite, const uint8_t *key) {
    int gcm, sha512;
    size_t aes_key, tag;
    if (!suite_shape(cipher_suite, &gcm, &sha512, &aes_key, &tag)) return NULL;
    fbr_openssl_suite *c = calloc(1, sizeof *c);
    if (c == NULL) return NULL;
    c->gcm = gcm;
    c->sha512 = sha512;
    c->tag_size = tag;
    const char *name = gcm ? (aes_key == 16 ? "AES-128-GCM" : "AES-256-GCM") : (aes_key == 16 ? "AES-128-CTR" : "AES-256-CTR");
    c->cipher = EVP_CIPHER_fetch(NULL, name, NULL);
    c->encryptor = EVP_CIPHER_CTX_new();
    c->decryptor = EVP_CIPHER_CTX_new();
    if (c->cipher == NULL || c->encryptor == NULL || c->decryptor == NULL
        || EVP_EncryptInit_ex2(c->encryptor, c->cipher, key, NULL, NULL) != 1
        || (gcm ? EVP_DecryptInit_ex2(c->decryptor, c->cipher, key, NULL, NULL)
                : EVP_EncryptInit_ex2(c->decryptor, c->cipher, key, NULL, NULL)) != 1) {
        ERR_clear_error();
        fbr_openssl_suite_free(c);
        return NULL;
    }
    if (!gcm) hmac_key(c, key + aes_key);
    return c;
}

void fbr_openssl_suite_free(fbr_openssl_suite *context) {
    if (context == NULL) return;
    EVP_CIPHER_CTX_free(context->encryptor);
    EVP_CIPHER_CTX_free(context->decryptor);
    EVP_CIPHER_free(context->cipher);
    OPENSSL_cleanse(context, sizeof *context);
    free(context);
}

size_t fbr_openssl_suite_tag_size(const fbr_openssl_suite *context) { return context->tag_size; }

int64_t fbr_openssl_suite_seal_batch(fbr_openssl_suite *c, uint8_t *buffer, size_t size,
                                     const uint8_t *aad, size_t aad_size, uint8_t *tag,
                                     uint64_t *counter, size_t frames) {
    if (size > INT_MAX || aad_size > INT_MAX) return -1;
    EVP_CIPHER_CTX *ctx = c->encryptor;
    uint64_t next = *counter;
    uint8_t iv[12];
    int written = 0;
    int ok = 1;
    const uint64_t start = fbr_monotonic_ns();
    if (c->gcm) {
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
    } else {
        for (size_t i = 0; i < frames; i++) {
            next += 1;
            counter_nonce(iv, next);
            ok &= ctr_crypt(ctx, iv, buffer, buffer, size);
            if (!ok) break;
            hmac_frame(c, iv, aad, aad_size, buffer, size);
            memcpy(tag, c->mac, c->tag_size);
        }
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    if (!ok) {
        ERR_clear_error();
        return -1;
    }
    return (int64_t)(end - start);
}

int64_t fbr_openssl_suite_open_batch(fbr_openssl_suite *c, const uint8_t *ciphertext,
                                     uint8_t *plaintext, size_t size, const uint8_t *aad,
                                     size_t aad_size, const uint8_t *tag, const uint8_t *nonce,
                                     size_t frames) {
    if (size > INT_MAX || aad_size > INT_MAX) return -1;
    EVP_CIPHER_CTX *ctx = c->decryptor;
    int written = 0;
    int ok = 1;
    const uint64_t start = fbr_monotonic_ns();
    if (c->gcm) {
        for (size_t i = 0; i < frames; i++) {
            ok &= EVP_DecryptInit_ex2(ctx, NULL, NULL, nonce, NULL) == 1;
            ok &= EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, (void *)tag) == 1;
            if (aad_size > 0) ok &= EVP_DecryptUpdate(ctx, NULL, &written, aad, (int)aad_size) == 1;
            if (size > 0) ok &= EVP_DecryptUpdate(ctx, plaintext, &written, ciphertext, (int)size) == 1;
            ok &= EVP_DecryptFinal_ex(ctx, NULL, &written) == 1;
            if (!ok) break;
        }
    } else {
        for (size_t i = 0; i < frames; i++) {
            hmac_frame(c, nonce, aad, aad_size, ciphertext, size);
            ok &= CRYPTO_memcmp(c->mac, tag, c->tag_size) == 0;
            if (!ok) break;
            ok &= ctr_crypt(ctx, nonce, ciphertext, plaintext, size);
            if (!ok) break;
        }
    }
    const uint64_t end = fbr_monotonic_ns();
    if (!ok) {
        ERR_clear_error();
        OPENSSL_cleanse(plaintext, size);
        return -1;
    }
    return (int64_t)(end - start);
}
