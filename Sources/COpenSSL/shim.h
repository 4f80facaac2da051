#ifndef FRAMEBENCH_COPENSSL_SHIM_H
#define FRAMEBENCH_COPENSSL_SHIM_H
// OpenSSL's libcrypto 3: the EVP cipher interface and its helpers.
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

// SHA-256 and SHA-512 on caller-owned plain structs, for an HMAC keyed once per key whose
// pre-keyed inner and outer states are copied per frame (FrameCrypto's OpenSSLCTRHMAC).
// OpenSSL 3 deprecates these low-level calls, but its EVP_MD_CTX_copy_ex (which HMAC_CTX and
// EVP_MAC use to reset a keyed HMAC) allocates a new provider context on every copy; these
// do not allocate. The wrappers are not deprecated themselves, so Swift callers build
// without warnings.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
#endif
static inline int fb_sha256_init(SHA256_CTX *c) { return SHA256_Init(c); }
static inline int fb_sha256_update(SHA256_CTX *c, const void *data, size_t len) { return SHA256_Update(c, data, len); }
static inline int fb_sha256_final(unsigned char *md, SHA256_CTX *c) { return SHA256_Final(md, c); }
static inline int fb_sha512_init(SHA512_CTX *c) { return SHA512_Init(c); }
static inline int fb_sha512_update(SHA512_CTX *c, const void *data, size_t len) { return SHA512_Update(c, data, len); }
static inline int fb_sha512_final(unsigned char *md, SHA512_CTX *c) { return SHA512_Final(md, c); }
#if defined(__clang__)
#pragma clang diagnostic pop
#endif
#endif
