import CFrameReference
import FrameCrypto

/// A C reference's keyed context and the ``CReferenceTable`` it was made through, which
/// frees it at the end. Each call below is one call into C for a whole batch (or ring part):
/// the frames are C's loop.
struct CReferenceContext: ~Copyable {
    let table: CReferenceTable
    private let context: OpaquePointer

    /// A context keyed with `key`; an error when `key` is not the table's length or the
    /// library fails.
    init(_ table: CReferenceTable, key: [UInt8]) throws(SuiteError) {
        guard key.count == table.keyBytes, let made = key.withUnsafeBufferPointer({ table.new($0.baseAddress, $0.count) }) else {
            throw .referenceFailed("cannot make the C reference context for \(table.label)")
        }
        self.table = table
        context = made
    }

    deinit { table.free(context) }

    /// `fbr_*_seal_batch`: seals `text` in place `frames` times, the tag to `buffers.tag`.
    func sealBatch(_ buffers: FrameBuffers, text: UnsafeMutableRawBufferPointer, counter: inout UInt64, frames: Int) -> Int64 {
        table.sealBatch(
            context, text.baseAddress!.assumingMemoryBound(to: UInt8.self), text.count,
            buffers.aad.baseAddress!.assumingMemoryBound(to: UInt8.self), buffers.aad.count,
            buffers.tag.baseAddress!.assumingMemoryBound(to: UInt8.self), &counter, frames)
    }

    /// `fbr_*_open_batch`: opens `buffers.sealed` into `buffers.text` `frames` times under
    /// `buffers.nonce`.
    func openBatch(_ buffers: FrameBuffers, frames: Int) -> Int64 {
        withUnsafeBytes(of: buffers.nonce.bytes) { nonce in
            table.openBatch(
                context, buffers.sealed.baseAddress!.assumingMemoryBound(to: UInt8.self),
                buffers.text.baseAddress!.assumingMemoryBound(to: UInt8.self), buffers.text.count,
                buffers.aad.baseAddress!.assumingMemoryBound(to: UInt8.self), buffers.aad.count,
                buffers.tag.baseAddress!.assumingMemoryBound(to: UInt8.self),
                nonce.baseAddress!.assumingMemoryBound(to: UInt8.self), frames)
        }
    }

    /// `fbr_*_seal_ring`: seals `count` slots of `ring` from `first`, nonces `counter + 1`, …
    /// (-1 for a table without ring loops).
    func sealRing(_ ring: FrameRing, first: Int, count: Int, counter: inout UInt64) -> Int64 {
        guard let loops = table.ring else { return -1 }
        let g = ring.geometry
        return loops.seal(
            context, ring.slot(first).assumingMemoryBound(to: UInt8.self), g.stride, g.frameSize, g.headerBytes, &counter, count)
    }

    /// `fbr_*_open_ring`: opens `count` slots of `ring` from `first` into `ring.output`, slot
    /// `first + i` under counter `first + i + 1` (-1 for a table without ring loops).
    func openRing(_ ring: FrameRing, first: Int, count: Int) -> Int64 {
        guard let loops = table.ring else { return -1 }
        let g = ring.geometry
        return loops.open(
            context, UnsafePointer(ring.slot(first).assumingMemoryBound(to: UInt8.self)), g.stride, g.frameSize, g.headerBytes,
            ring.output.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(first) + 1, count)
    }
}
