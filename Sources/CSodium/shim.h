#ifndef FRAMEBENCH_CSODIUM_SHIM_H
#define FRAMEBENCH_CSODIUM_SHIM_H
#include <sodium.h>
#endif
