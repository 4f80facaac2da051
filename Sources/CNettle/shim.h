#ifndef FRAMEBENCH_CNETTLE_SHIM_H
#define FRAMEBENCH_CNETTLE_SHIM_H
// nettle (nettle-dev): AES-GCM with the key expanded and the GHASH table made once
// (gcm_aes256_set_key), the constant-time compare and the version. The `Nettle` trait.
#include <nettle/aes.h>
#include <nettle/gcm.h>
#include <nettle/memops.h>
#include <nettle/version.h>
#endif
