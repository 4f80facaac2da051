#ifndef FRAMEBENCH_CCPUFEATURES_SHIM_H
#define FRAMEBENCH_CCPUFEATURES_SHIM_H
// The CPU's AES-related features from CPUID, header only (no library): what the code-path
// report (FrameCrypto's CodePath) compares each library's own answer with.
#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

/// Bit 0: AES-NI; bit 1: PCLMULQDQ; bit 2: VAES; bit 3: VPCLMULQDQ; bit 4: AVX2;
/// bit 5: AVX512F; bit 6: the OS saves AVX state (OSXSAVE and XCR0 bits 1-2). 0 off x86.
static inline unsigned fbcpu_features(void) {
    unsigned features = 0;
#if defined(__x86_64__) || defined(__i386__)
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (c & (1u << 25)) features |= 1u << 0;
    if (c & (1u << 1)) features |= 1u << 1;
    int osAVX = 0;
    if ((c & (1u << 27)) && (c & (1u << 28))) {
        unsigned lo, hi;
        __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
        osAVX = (lo & 6u) == 6u;
    }
    if (osAVX) features |= 1u << 6;
    if (__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
        if (c & (1u << 9)) features |= 1u << 2;
        if (c & (1u << 10)) features |= 1u << 3;
        if (b & (1u << 5)) features |= 1u << 4;
        if (b & (1u << 16)) features |= 1u << 5;
    }
#endif
    return features;
}
#endif
