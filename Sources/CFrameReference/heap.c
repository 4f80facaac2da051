// The heap bytes in use, for the meeting suite's memory plan (MeetingMemoryPlan.swift):
// glibc's mallinfo2, arena bytes allocated plus mmapped chunks. 0 where glibc is absent.
#include "CFrameReference.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

size_t fbr_heap_bytes_in_use(void) {
#if defined(__GLIBC__)
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
#else
    return 0;
#endif
}
