import FuzzSupport

/// Where an open writes its plaintext, chosen by the frame's op byte.
struct OutputPlacement {
    /// Over the frame itself, from the end of its header (opening in place).
    var inPlace: Bool
    /// The output's length, when it should be shorter than the frame: a cut-off buffer.
    var limit: Int?

    /// Bit 1 of `op`: in place; bit 2: an output limited to the next two input bytes.
    init(op: UInt8, input: inout FuzzInput) {
        inPlace = op & 0b10 != 0
        limit = op & 0b100 != 0 ? Int(input.uint16() % 4096) : nil
    }
}
