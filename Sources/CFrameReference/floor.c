// The floor: minimal AES-256-GCM in AES-NI and PCLMULQDQ intrinsics (CFrameReferenceFloor.h).
// GHASH follows Intel's carry-less multiplication white paper (Gueron and Kounavis): blocks
// byte-reversed, products shifted left one bit, reduced modulo x^128 + x^7 + x^2 + x + 1;
// eight blocks are multiplied by H^8..H^1 and summed before one reduction.
#include "CFrameReferenceFloor.h"
#include "CFrameReference.h"

#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

#define FLOOR_TARGET __attribute__((target("aes,pclmul,ssse3,sse4.1")))
#define FLOOR_INLINE static inline __attribute__((always_inline)) FLOOR_TARGET

struct fbr_floor {
    __m128i round_keys[15];
    // H^1..H^8, byte-reversed (the GHASH domain below).
    __m128i h_powers[8];
};

static int floor_cpu_check(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    const unsigned aes = 1u << 25, pclmul = 1u << 1, ssse3 = 1u << 9, sse41 = 1u << 19;
    return (c & aes) && (c & pclmul) && (c & ssse3) && (c & sse41);
}

int fbr_floor_available(void) {
    static int cached = -1;
    if (cached < 0) cached = floor_cpu_check();
    return cached;
}

const char *fbr_floor_unavailable_reason(void) {
    return fbr_floor_available() ? NULL
                                 : "this CPU lacks AES-NI, PCLMULQDQ, SSSE3 or SSE4.1 (CPUID leaf 1)";
}

FLOOR_INLINE __m128i floor_bswap(__m128i x) {
    const __m128i mask = _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    return _mm_shuffle_epi8(x, mask);
}

// MARK: AES-256

FLOOR_INLINE __m128i expand_even(__m128i key, __m128i assist) {
    assist = _mm_shuffle_epi32(assist, 0xff);
    key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
    key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
    key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
    return _mm_xor_si128(key, assist);
}

FLOOR_INLINE __m128i expand_odd(__m128i key, __m128i assist) {
    assist = _mm_shuffle_epi32(assist, 0xaa);
    key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
    key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
    key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
    return _mm_xor_si128(key, assist);
}

FLOOR_TARGET static void floor_expand_key(__m128i rk[15], const uint8_t *key) {
    rk[0] = _mm_loadu_si128((const __m128i *)key);
    rk[1] = _mm_loadu_si128((const __m128i *)(key + 16));
    rk[2] = expand_even(rk[0], _mm_aeskeygenassist_si128(rk[1], 0x01));
    rk[3] = expand_odd(rk[1], _mm_aeskeygenassist_si128(rk[2], 0x00));
    rk[4] = expand_even(rk[2], _mm_aeskeygenassist_si128(rk[3], 0x02));
    rk[5] = expand_odd(rk[3], _mm_aeskeygenassist_si128(rk[4], 0x00));
    rk[6] = expand_even(rk[4], _mm_aeskeygenassist_si128(rk[5], 0x04));
    rk[7] = expand_odd(rk[5], _mm_aeskeygenassist_si128(rk[6], 0x00));
    rk[8] = expand_even(rk[6], _mm_aeskeygenassist_si128(rk[7], 0x08));
    rk[9] = expand_odd(rk[7], _mm_aeskeygenassist_si128(rk[8], 0x00));
    rk[10] = expand_even(rk[8], _mm_aeskeygenassist_si128(rk[9], 0x10));
    rk[11] = expand_odd(rk[9], _mm_aeskeygenassist_si128(rk[10], 0x00));
    rk[12] = expand_even(rk[10], _mm_aeskeygenassist_si128(rk[11], 0x20));
    rk[13] = expand_odd(rk[11], _mm_aeskeygenassist_si128(rk[12], 0x00));
    rk[14] = expand_even(rk[12], _mm_aeskeygenassist_si128(rk[13], 0x40));
}

FLOOR_INLINE __m128i floor_aes(const __m128i rk[15], __m128i block) {
    block = _mm_xor_si128(block, rk[0]);
    for (int r = 1; r < 14; r++) block = _mm_aesenc_si128(block, rk[r]);
    return _mm_aesenclast_si128(block, rk[14]);
}

// Eight blocks through AES at once: eight independent chains keep the AES unit busy.
FLOOR_INLINE void floor_aes8(const __m128i rk[15], __m128i b[8]) {
    for (int i = 0; i < 8; i++) b[i] = _mm_xor_si128(b[i], rk[0]);
    for (int r = 1; r < 14; r++) {
        const __m128i k = rk[r];
        for (int i = 0; i < 8; i++) b[i] = _mm_aesenc_si128(b[i], k);
    }
    for (int i = 0; i < 8; i++) b[i] = _mm_aesenclast_si128(b[i], rk[14]);
}

// MARK: GHASH

// Accumulates the unreduced 256-bit product a·b into (lo, mid, hi).
FLOOR_INLINE void clmul_accumulate(__m128i a, __m128i b, __m128i *lo, __m128i *mid, __m128i *hi) {
    *lo = _mm_xor_si128(*lo, _mm_clmulepi64_si128(a, b, 0x00));
    *mid = _mm_xor_si128(*mid, _mm_clmulepi64_si128(a, b, 0x10));
    *mid = _mm_xor_si128(*mid, _mm_clmulepi64_si128(a, b, 0x01));
    *hi = _mm_xor_si128(*hi, _mm_clmulepi64_si128(a, b, 0x11));
}

// Shifts the 256-bit product left one bit (the bit-reflected domain) and reduces it.
FLOOR_INLINE __m128i ghash_reduce(__m128i lo, __m128i mid, __m128i hi) {
    __m128i t3 = _mm_xor_si128(lo, _mm_slli_si128(mid, 8));
    __m128i t6 = _mm_xor_si128(hi, _mm_srli_si128(mid, 8));
    __m128i t7 = _mm_srli_epi32(t3, 31);
    __m128i t8 = _mm_srli_epi32(t6, 31);
    t3 = _mm_slli_epi32(t3, 1);
    t6 = _mm_slli_epi32(t6, 1);
    __m128i t9 = _mm_srli_si128(t7, 12);
    t8 = _mm_slli_si128(t8, 4);
    t7 = _mm_slli_si128(t7, 4);
    t3 = _mm_or_si128(t3, t7);
    t6 = _mm_or_si128(t6, t8);
    t6 = _mm_or_si128(t6, t9);
    t7 = _mm_slli_epi32(t3, 31);
    t8 = _mm_slli_epi32(t3, 30);
    t9 = _mm_slli_epi32(t3, 25);
    t7 = _mm_xor_si128(t7, t8);
    t7 = _mm_xor_si128(t7, t9);
    t8 = _mm_srli_si128(t7, 4);
    t7 = _mm_slli_si128(t7, 12);
    t3 = _mm_xor_si128(t3, t7);
    __m128i t2 = _mm_srli_epi32(t3, 1);
    __m128i t4 = _mm_srli_epi32(t3, 2);
    __m128i t5 = _mm_srli_epi32(t3, 7);
    t2 = _mm_xor_si128(t2, t4);
    t2 = _mm_xor_si128(t2, t5);
    t2 = _mm_xor_si128(t2, t8);
    t3 = _mm_xor_si128(t3, t2);
    return _mm_xor_si128(t6, t3);
}

FLOOR_INLINE __m128i ghash_multiply(__m128i a, __m128i b) {
    __m128i lo = _mm_setzero_si128(), mid = _mm_setzero_si128(), hi = _mm_setzero_si128();
    clmul_accumulate(a, b, &lo, &mid, &hi);
    return ghash_reduce(lo, mid, hi);
}

// y ← (y ⊕ x0)·H^8 ⊕ x1·H^7 ⊕ … ⊕ x7·H, one reduction. Blocks already byte-reversed.
FLOOR_INLINE __m128i ghash8(const __m128i h[8], __m128i y, const __m128i x[8]) {
    __m128i lo = _mm_setzero_si128(), mid = _mm_setzero_si128(), hi = _mm_setzero_si128();
    clmul_accumulate(_mm_xor_si128(y, x[0]), h[7], &lo, &mid, &hi);
    for (int i = 1; i < 8; i++) clmul_accumulate(x[i], h[7 - i], &lo, &mid, &hi);
    return ghash_reduce(lo, mid, hi);
}

// GHASH over `size` bytes (the last block zero-padded), continuing from y.
FLOOR_INLINE __m128i ghash_bytes(const __m128i h[8], __m128i y, const uint8_t *data, size_t size) {
    size_t i = 0;
    for (; i + 128 <= size; i += 128) {
        __m128i x[8];
        for (int j = 0; j < 8; j++) x[j] = floor_bswap(_mm_loadu_si128((const __m128i *)(data + i + 16 * j)));
        y = ghash8(h, y, x);
    }
    for (; i + 16 <= size; i += 16) {
        y = ghash_multiply(_mm_xor_si128(y, floor_bswap(_mm_loadu_si128((const __m128i *)(data + i)))), h[0]);
    }
    if (i < size) {
        uint8_t last[16] = {0};
        memcpy(last, data + i, size - i);
        y = ghash_multiply(_mm_xor_si128(y, floor_bswap(_mm_loadu_si128((const __m128i *)last))), h[0]);
    }
    return y;
}

// MARK: GCM

// CTR over `size` bytes from the byte-reversed counter block `counter` (its low 32-bit lane
// is GCM's 32-bit big-endian counter), folding the ciphertext into GHASH as it goes: after
// encryption for seal (`decrypting` 0), from the input for open.
FLOOR_INLINE __m128i floor_ctr_ghash(const fbr_floor *k, __m128i counter, __m128i y,
                                     const uint8_t *in, uint8_t *out, size_t size, int decrypting) {
    const __m128i one = _mm_set_epi32(0, 0, 0, 1);
    size_t i = 0;
    for (; i + 128 <= size; i += 128) {
        __m128i b[8], c[8];
        for (int j = 0; j < 8; j++) {
            b[j] = floor_bswap(counter);
            counter = _mm_add_epi32(counter, one);
        }
        floor_aes8(k->round_keys, b);
        for (int j = 0; j < 8; j++) {
            const __m128i input = _mm_loadu_si128((const __m128i *)(in + i + 16 * j));
            const __m128i output = _mm_xor_si128(input, b[j]);
            _mm_storeu_si128((__m128i *)(out + i + 16 * j), output);
            c[j] = floor_bswap(decrypting ? input : output);
        }
        y = ghash8(k->h_powers, y, c);
    }
    for (; i + 16 <= size; i += 16) {
        const __m128i pad = floor_aes(k->round_keys, floor_bswap(counter));
        counter = _mm_add_epi32(counter, one);
        const __m128i input = _mm_loadu_si128((const __m128i *)(in + i));
        const __m128i output = _mm_xor_si128(input, pad);
        _mm_storeu_si128((__m128i *)(out + i), output);
        y = ghash_multiply(_mm_xor_si128(y, floor_bswap(decrypting ? input : output)), k->h_powers[0]);
    }
    if (i < size) {
        const size_t rest = size - i;
        uint8_t block[16] = {0};
        memcpy(block, in + i, rest);
        const __m128i pad = floor_aes(k->round_keys, floor_bswap(counter));
        __m128i output = _mm_xor_si128(_mm_loadu_si128((const __m128i *)block), pad);
        uint8_t result[16];
        _mm_storeu_si128((__m128i *)result, output);
        memcpy(out + i, result, rest);
        if (!decrypting) {
            memset(block, 0, 16);
            memcpy(block, result, rest);
        }
        y = ghash_multiply(_mm_xor_si128(y, floor_bswap(_mm_loadu_si128((const __m128i *)block))), k->h_powers[0]);
    }
    return y;
}

// The tag before it is compared or written: E(K, J0) ⊕ GHASH(A, C, lengths).
FLOOR_INLINE __m128i floor_gcm(const fbr_floor *k, const uint8_t *nonce, const uint8_t *aad,
                               size_t aad_size, const uint8_t *in, uint8_t *out, size_t size,
                               int decrypting) {
    uint8_t j0_bytes[16] = {0};
    memcpy(j0_bytes, nonce, 12);
    j0_bytes[15] = 1;
    const __m128i j0 = _mm_loadu_si128((const __m128i *)j0_bytes);
    const __m128i tag_mask = floor_aes(k->round_keys, j0);
    const __m128i counter = _mm_add_epi32(floor_bswap(j0), _mm_set_epi32(0, 0, 0, 1));
    __m128i y = ghash_bytes(k->h_powers, _mm_setzero_si128(), aad, aad_size);
    y = floor_ctr_ghash(k, counter, y, in, out, size, decrypting);
    // The length block, byte-reversed: bit lengths of A and C as the high and low halves.
    const __m128i lengths = _mm_set_epi64x((long long)((uint64_t)aad_size * 8), (long long)((uint64_t)size * 8));
    y = ghash_multiply(_mm_xor_si128(y, lengths), k->h_powers[0]);
    return _mm_xor_si128(floor_bswap(y), tag_mask);
}

FLOOR_TARGET static void floor_key(fbr_floor *context, const uint8_t *key) {
    floor_expand_key(context->round_keys, key);
    const __m128i h = floor_bswap(floor_aes(context->round_keys, _mm_setzero_si128()));
    context->h_powers[0] = h;
    for (int i = 1; i < 8; i++) context->h_powers[i] = ghash_multiply(context->h_powers[i - 1], h);
}

fbr_floor *fbr_floor_new(const uint8_t *key) {
    if (!fbr_floor_available()) return NULL;
    fbr_floor *context = aligned_alloc(16, sizeof(fbr_floor));
    if (context == NULL) return NULL;
    floor_key(context, key);
    return context;
}

void fbr_floor_free(fbr_floor *context) {
    if (context == NULL) return;
    volatile uint8_t *bytes = (volatile uint8_t *)context;
    for (size_t i = 0; i < sizeof *context; i++) bytes[i] = 0;
    free(context);
}

FLOOR_TARGET int fbr_floor_seal(const fbr_floor *context, const uint8_t *nonce, const uint8_t *aad,
                                size_t aad_size, const uint8_t *input, uint8_t *output, size_t size,
                                uint8_t *tag) {
    const __m128i t = floor_gcm(context, nonce, aad, aad_size, input, output, size, 0);
    _mm_storeu_si128((__m128i *)tag, t);
    return 0;
}

FLOOR_TARGET int fbr_floor_open(const fbr_floor *context, const uint8_t *nonce, const uint8_t *aad,
                                size_t aad_size, const uint8_t *input, uint8_t *output, size_t size,
                                const uint8_t *tag) {
    const __m128i t = floor_gcm(context, nonce, aad, aad_size, input, output, size, 1);
    // Constant time: every byte compared, one test at the end.
    const __m128i diff = _mm_xor_si128(t, _mm_loadu_si128((const __m128i *)tag));
    if (!_mm_testz_si128(diff, diff)) {
        volatile uint8_t *bytes = output;
        for (size_t i = 0; i < size; i++) bytes[i] = 0;
        return -1;
    }
    return 0;
}

static inline void floor_counter_nonce(uint8_t nonce[12], uint64_t counter) {
    memset(nonce, 0, 4);
    for (int i = 0; i < 8; i++) nonce[4 + i] = (uint8_t)(counter >> (56 - 8 * i));
}

int64_t fbr_floor_seal_batch(fbr_floor *context, uint8_t *buffer, size_t size, const uint8_t *aad,
                             size_t aad_size, uint8_t *tag, uint64_t *counter, size_t frames) {
    uint64_t next = *counter;
    uint8_t iv[12];
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        next += 1;
        floor_counter_nonce(iv, next);
        fbr_floor_seal(context, iv, aad, aad_size, buffer, buffer, size, tag);
    }
    const uint64_t end = fbr_monotonic_ns();
    *counter = next;
    return (int64_t)(end - start);
}

int64_t fbr_floor_open_batch(fbr_floor *context, const uint8_t *ciphertext, uint8_t *plaintext,
                             size_t size, const uint8_t *aad, size_t aad_size, const uint8_t *tag,
                             const uint8_t *nonce, size_t frames) {
    int status = 0;
    const uint64_t start = fbr_monotonic_ns();
    for (size_t i = 0; i < frames; i++) {
        status |= fbr_floor_open(context, nonce, aad, aad_size, ciphertext, plaintext, size, tag);
        if (status != 0) break;
    }
    const uint64_t end = fbr_monotonic_ns();
    return status == 0 ? (int64_t)(end - start) : -1;
}

#else  // not x86-64: no floor.

int fbr_floor_available(void) { return 0; }
const char *fbr_floor_unavailable_reason(void) { return "the floor is written for x86-64 (AES-NI, PCLMULQDQ)"; }
fbr_floor *fbr_floor_new(const uint8_t *key) { (void)key; return NULL; }
void fbr_floor_free(fbr_floor *context) { (void)context; }
int fbr_floor_seal(const fbr_floor *c, const uint8_t *n, const uint8_t *a, size_t as, const uint8_t *i,
                   uint8_t *o, size_t s, uint8_t *t) {
    (void)c; (void)n; (void)a; (void)as; (void)i; (void)o; (void)s; (void)t;
    return -1;
}
int fbr_floor_open(const fbr_floor *c, const uint8_t *n, const uint8_t *a, size_t as, const uint8_t *i,
                   uint8_t *o, size_t s, const uint8_t *t) {
    (void)c; (void)n; (void)a; (void)as; (void)i; (void)o; (void)s; (void)t;
    return -1;
}
int64_t fbr_floor_seal_batch(fbr_floor *c, uint8_t *b, size_t s, const uint8_t *a, size_t as, uint8_t *t,
                             uint64_t *n, size_t f) {
    (void)c; (void)b; (void)s; (void)a; (void)as; (void)t; (void)n; (void)f;
    return -1;
}
int64_t fbr_floor_open_batch(fbr_floor *c, const uint8_t *ct, uint8_t *p, size_t s, const uint8_t *a,
                             size_t as, const uint8_t *t, const uint8_t *n, size_t f) {
    (void)c; (void)ct; (void)p; (void)s; (void)a; (void)as; (void)t; (void)n; (void)f;
    return -1;
}
#endif
