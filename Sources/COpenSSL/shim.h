#ifndef FRAMEBENCH_COPENSSL_SHIM_H
#define FRAMEBENCH_COPENSSL_SHIM_H
// OpenSSL's libcrypto 3: the EVP cipher interface and its helpers.
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>
#include <openssl/rand.h>
#endif
