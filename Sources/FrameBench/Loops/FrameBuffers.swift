import FrameCrypto

/// The memory one case works on, allocated and filled before measuring. The runner
/// that owns it calls ``deallocate()``.
struct FrameBuffers {
    /// seal: the frame, sealed in place over and over. open: where the plaintext goes.
    let text: UnsafeMutableRawBufferPointer
    /// open: the sealed frame, opened over and over (unused for seal).
    let sealed: UnsafeMutableRawBufferPointer
    /// The tag: written by seal, read by open.
    let tag: UnsafeMutableRawBufferPointer
    /// The additional authenticated data, standing in for an SFrame header.
    let aad: UnsafeMutableRawBufferPointer
    /// open: the nonce the sealed frame was sealed under.
    let nonce: Nonce

    init(payload: [UInt8], aad: [UInt8], nonce: Nonce) {
        let copy = AlignedBuffer.copy
        text = copy(payload)
        sealed = copy(payload)
        tag = copy([UInt8](repeating: 0, count: AESGCM.tagByteCount))
        self.aad = copy(aad)
        self.nonce = nonce
    }

    func deallocate() {
        for buffer in [text, sealed, tag, aad] { buffer.baseAddress?.deallocate() }
    }
}
