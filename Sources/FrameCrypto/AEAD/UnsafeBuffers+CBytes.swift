// Raw buffers seen as the `unsigned char *` pointers C crypto libraries take.

extension UnsafeRawBufferPointer {
    /// The base address as the `const unsigned char *` C expects.
    @inline(__always) var bytes: UnsafePointer<UInt8>? {
        baseAddress?.assumingMemoryBound(to: UInt8.self)
    }
}

extension UnsafeMutableRawBufferPointer {
    /// The base address as the `unsigned char *` C expects.
    @inline(__always) var bytes: UnsafeMutablePointer<UInt8>? {
        baseAddress?.assumingMemoryBound(to: UInt8.self)
    }
}
