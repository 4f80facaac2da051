import FrameCrypto

extension MeetingKeyState where Context: ~Copyable {
    /// Memory the rekey threads write, one slot per seat or thread.
    private struct Scratch: @unchecked Sendable {
        let elapsed: UnsafeMutableBufferPointer<UInt64>
        let errors: UnsafeMutableBufferPointer<FrameCryptoError?>
    }

    /// A rekey, as every join and leave triggers:
    /// 1. the leader makes the next epoch's key and distributes it, a share per other
    ///    participant (timed as the leader's work), and rekeys its own keyring;
    /// 2. every other participant accepts its share and rekeys its keyring, or, having
    ///    just joined (seats in `joined`), makes one (each timed apart). This step runs on
    ///    `threads` threads, each over its own seats, as the per-frame work does.
    ///
    /// The previous epoch's receive keys stay for the grace period (`ParticipantKeyring`).
    func rekey(tick: Int, joined: Set<Int>, record: Bool, threads: Int) throws(SuiteError) {
        guard let leaderSeat = identities.firstIndex(where: { $0 != nil }), let leader = identities[leaderSeat] else { return }
        let wallStart = Clocks.monotonicNanoseconds()
        let seats = schedule.seats
        var shareOf: [UInt32: KeyShare] = [:]
        let everyone: [UInt32]
        let leaderTime: UInt64, leaderKeyringTime: UInt64
        do throws(FrameCryptoError) {
            let start = Clocks.monotonicNanoseconds()
            let key = meeting.rekey()
            let shares = try leader.identity.distribute(meetingKey: key, to: meeting.present)
            leaderTime = Clocks.monotonicNanoseconds() &- start
            for share in shares { shareOf[share.recipientIndex] = share }
            everyone = meeting.presentIndices
            let own = leader.identity.index
            let keyringStart = Clocks.monotonicNanoseconds()
            if occupied[leaderSeat] && !joined.contains(leaderSeat) {
                try keyrings.at(leaderSeat).pointee.rekey(to: key, participants: participants(of: leaderSeat, own, everyone))
            } else {
                try install(leaderSeat, own, key, everyone, tick)
            }
            leaderKeyringTime = Clocks.monotonicNanoseconds() &- keyringStart
        } catch {
            throw .crypto(error)
        }

        let workers = max(1, min(threads, seats))
        let scratch = Scratch(elapsed: .allocate(capacity: max(seats, 1)), errors: .allocate(capacity: workers))
        defer {
            scratch.elapsed.deallocate()
            scratch.errors.deallocate()
        }
        scratch.elapsed.initialize(repeating: 0)
        scratch.errors.initialize(repeating: nil)
        let boxes = identities, leaderKeys = leader.identity.publicKeys, shares = shareOf, meetingID = meeting.id
        WorkerThreads.run(count: workers) { k in
            var seat = k
            while seat < seats {
                defer { seat += workers }
                guard seat != leaderSeat, let box = boxes[seat] else { continue }
                let own = box.identity.index
                do throws(FrameCryptoError) {
                    guard let share = shares[own] else { throw .malformedKeyShare("no key share for a participant") }
                    let start = Clocks.monotonicNanoseconds()
                    let fresh = !self.occupied[seat] || joined.contains(seat)
                    let current = fresh ? 0 : self.keyrings.at(seat).pointee.epoch
                    let received = try box.identity.accept(
                        share: share, from: leaderKeys, meetingID: meetingID, currentEpoch: current)
                    if fresh {
                        try self.install(seat, own, received, everyone, tick)
                    } else {
                        try self.keyrings.at(seat).pointee.rekey(to: received, participants: self.participants(of: seat, own, everyone))
                    }
                    scratch.elapsed[seat] = Clocks.monotonicNanoseconds() &- start
                } catch {
                    scratch.errors[k] = error
                    return
                }
            }
        }
        if let error = scratch.errors.lazy.compactMap({ $0 }).first { throw .crypto(error) }
        guard record else { return }
        var meetingTime = leaderTime &+ leaderKeyringTime
        if mode == .meeting { rekeyStats.participantNanoseconds.append(leaderKeyringTime) }
        for seat in 0..<seats where seat != leaderSeat && boxes[seat] != nil {
            meetingTime &+= scratch.elapsed[seat]
            if mode == .meeting { rekeyStats.participantNanoseconds.append(scratch.elapsed[seat]) }
        }
        let client = schedule.clientSeat
        rekeyStats.rekeys += 1
        rekeyStats.leaderNanoseconds.append(leaderTime)
        rekeyStats.meetingNanoseconds.append(meetingTime)
        rekeyStats.clientNanoseconds.append(client == leaderSeat ? leaderTime &+ leaderKeyringTime : scratch.elapsed[client])
        rekeyStats.wallNanoseconds.append(Clocks.monotonicNanoseconds() &- wallStart)
    }

    /// Whom `seat` (participant `own`) installs receive keys for: everyone present in
    /// meeting mode and for the client; in client mode the others never open a frame, so
    /// only their own streams are keyed.
    func participants(of seat: Int, _ own: UInt32, _ everyone: [UInt32]) -> [UInt32] {
        mode == .meeting || seat == schedule.clientSeat ? everyone : [own]
    }

    /// Makes `seat`'s keyring for participant `index` in `key`'s epoch at `tick`.
    func install(
        _ seat: Int, _ index: UInt32, _ key: borrowing MeetingKey, _ everyone: [UInt32], _ tick: Int
    ) throws(FrameCryptoError) {
        let receives = mode == .meeting || seat == schedule.clientSeat
        let keyring = try ParticipantKeyring<Context>(
            participant: index, meetingKey: key, participants: participants(of: seat, index, everyone),
            gracePeriod: grace, mediaTime: schedule.mediaTime(of: tick),
            receiverCapacity: receives ? 6 * (schedule.seats + 1) : 6,
            // Simulated media time runs at the harness's pace, not the wall clock's.
            graceWallClockLimit: nil, suite: suite)
        if occupied[seat] { keyrings.at(seat).deinitialize(count: 1) }
        keyrings.at(seat).initialize(to: keyring)
        occupied[seat] = true
    }
}
