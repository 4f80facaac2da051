import ArgumentParser
import Foundation
import FrameBench
import FrameCrypto
import FrameVectors

struct VectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vectors",
        abstract: "Write SFrame test vectors for cipher suites 1-8 in RFC 9605's test-vectors.json shape.",
        discussion: """
            Writes N header vectors and, for each chosen cipher suite (--suite N, or all: the \
            default), N encryption vectors with every intermediate of the suite's key \
            schedule, fixed by the seed: the same seed gives the same file on every machine. KIDs \
            and counters cover every header length up to 2^64 - 1; base keys, metadata and \
            plaintext vary in length. Base keys come from the seeded generator: these are test \
            vectors, not keys. Check the file with `framebench verify --sframe FILE`.
            """)

    @Option(help: "How many header vectors and how many encryption vectors to write.")
    var count = 16

    @Option(help: "The seed that fixes every value.")
    var seed: UInt64 = 1

    @Option(help: "The cipher suite: 1-8, its IANA name, or all.")
    var suite: SuiteSelection = .all

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must not be negative (got \(count))") }
    }

    func run() throws {
        let suites = suite.suites
        guard
            let backend = BackendRegistry.available.first(where: { backend in
                suites.allSatisfy { BackendRegistry.implements(backend, $0) }
            })
        else {
            throw failure("no crypto backend available on this machine implements suite \(suite)")
        }
        let vectors: SFrameVectors
        do {
            vectors = try SFrameVectorGenerator.generate(count: count, seed: seed, suites: suites, using: backend)
        } catch {
            throw failure("\(error)", code: CLIExit.failed)
        }
        guard let output else {
            print(vectors.jsonText, terminator: "")
            return
        }
        do {
            try Data(vectors.jsonText.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            throw failure("\(output): cannot write: \(error.localizedDescription)")
        }
        print(
            "wrote \(vectors.headers.count) header and \(vectors.frames.count) SFrame vectors (suite \(suite)) to \(output)")
    }
}
