import ArgumentParser
import FrameBench
import FrameCrypto
import Foundation

struct BackendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backends",
        abstract: "List the crypto backends, their libraries and versions, and whether they run here.")

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let infos = BackendRegistry.all.map { $0.info }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(infos), as: UTF8.self))
            return
        }
        var table = TextTable(headers: ["backend", "library", "version", "status"])
        for info in infos {
            table.add([info.name, info.library, info.version, info.availability.reason.map { "unavailable: \($0)" } ?? "available"])
        }
        print(table.render())
    }
}
