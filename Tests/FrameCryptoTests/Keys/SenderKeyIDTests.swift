import FrameCrypto
import Testing

extension KeysTests {
    /// KID packing: the documented layout, round trips, distinctness and short encodings.
    @Suite struct SenderKeyIDTests {
        static let indices: [UInt32] = [0, 1, 2, 3, 4, 7, 8, 199, 200, 1023, 1024, 65_535, 1 << 20, .max]
        static let epochs: [UInt64] = [0, 1, 7, 8, 15, 16, 17, 255, 1000, 1 << 40, .max]

        @Test func layoutIsIndexThenKindThenEpochLowBits() {
            let kid = SenderKeyID(participant: 5, kind: .video, epoch: 0x23)
            #expect(kid.rawValue == 5 << 6 | 1 << 4 | 0x3)
            #expect(kid.epochLowBits == 3)
            #expect(SenderKeyID(participant: 0, kind: .audio, epoch: 0).rawValue == 0)
            #expect(SenderKeyID(participant: .max, kind: .screen, epoch: .max).rawValue == UInt64(UInt32.max) << 6 | 2 << 4 | 0xF)
        }

        @Test func packThenUnpackRoundTrips() throws {
            for index in Self.indices {
                for kind in StreamKind.allCases {
                    for epoch in Self.epochs {
                        let kid = SenderKeyID(participant: index, kind: kind, epoch: epoch)
                        let unpacked = try #require(SenderKeyID(rawValue: kid.rawValue))
                        #expect(unpacked == kid)
                        #expect(unpacked.participant == index && unpacked.kind == kind)
                        #expect(UInt64(unpacked.epochLowBits) == epoch % 16)
                        #expect(unpacked.rawValue == kid.rawValue)
                    }
                }
            }
        }

        @Test func everyValidRawValueUnpacksAndRepacks() {
            for raw in UInt64(0)..<4096 {
                if let kid = SenderKeyID(rawValue: raw) {
                    #expect(kid.rawValue == raw)
                } else {
                    #expect((raw >> 4) & 0b11 == 3, "only the reserved kind is rejected below bit 38: \(raw)")
                }
            }
        }

        @Test func distinctForDistinctIndexKindAndEpochWindow() {
            var seen = Set<UInt64>()
            for index in UInt32(0)..<1024 {
                for kind in StreamKind.allCases {
                    for epoch in UInt64(100)..<116 {
                        seen.insert(SenderKeyID(participant: index, kind: kind, epoch: epoch).rawValue)
                    }
                }
            }
            #expect(seen.count == 1024 * 3 * 16)
        }

        @Test func rejectsReservedKindAndHighBits() {
            #expect(SenderKeyID(rawValue: 3 << 4) == nil)
            #expect(SenderKeyID(rawValue: 7 << 6 | 3 << 4 | 9) == nil)
            #expect(SenderKeyID(rawValue: 1 << 38) == nil)
            #expect(SenderKeyID(rawValue: .max) == nil)
            #expect(SenderKeyID(rawValue: (1 << 38) - 1 - (1 << 5)) != nil)
        }

        @Test func typicalKIDsStayShortInTheSFrameHeader() {
            #expect(SenderKeyID(participant: 0, kind: .audio, epoch: 7).sframeKIDByteCount == 0)
            #expect(SenderKeyID(participant: 0, kind: .audio, epoch: 8).sframeKIDByteCount == 1)
            for index in UInt32(0)...3 {
                for kind in StreamKind.allCases {
                    #expect(SenderKeyID(participant: index, kind: kind, epoch: 15).sframeKIDByteCount <= 1)
                }
            }
            for index in UInt32(0)...1023 {
                for kind in StreamKind.allCases {
                    let kid = SenderKeyID(participant: index, kind: kind, epoch: 15)
                    #expect(kid.rawValue <= UInt64(UInt16.max))
                    #expect(kid.sframeKIDByteCount <= 2)
                }
            }
            #expect(SenderKeyID(participant: 1024, kind: .audio, epoch: 0).sframeKIDByteCount == 3)
            #expect(SenderKeyID(participant: .max, kind: .screen, epoch: 15).sframeKIDByteCount == 5)
        }

        @Test func kidByteCountAgreesWithTheSFrameHeader() {
            for index in Self.indices {
                for kind in StreamKind.allCases {
                    for epoch in Self.epochs {
                        let kid = SenderKeyID(participant: index, kind: kind, epoch: epoch)
                        #expect(SFrameHeader(keyID: kid.rawValue, counter: 0).byteCount == 1 + kid.sframeKIDByteCount)
                    }
                }
            }
        }

        @Test func resolvesTheTruncatedEpochAgainstTheCurrentOne() {
            #expect(SenderKeyID(participant: 1, kind: .audio, epoch: 20).latestEpoch(notAfter: 20) == 20)
            #expect(SenderKeyID(participant: 1, kind: .audio, epoch: 19).latestEpoch(notAfter: 20) == 19)
            #expect(SenderKeyID(participant: 1, kind: .audio, epoch: 5).latestEpoch(notAfter: 20) == 5)
            #expect(SenderKeyID(participant: 1, kind: .audio, epoch: 21).latestEpoch(notAfter: 20) == 5)
            #expect(SenderKeyID(participant: 1, kind: .audio, epoch: 5).latestEpoch(notAfter: 3) == nil)
            #expect(SenderKeyID(participant: 1, kind: .audio, epoch: .max).latestEpoch(notAfter: .max) == .max)
        }
    }
}
