import Foundation
import Testing

@testable import FrameBench

@Suite struct ReportPageTests {
    static func rendered() -> (markdown: String, html: String, charts: Int) {
        var document = ReportFixtures.framesDocument()
        document.measurements += ReportFixtures.meetingDocument().measurements
        let files = Report.render([ReportInput(name: "both.json", document: document)])
        return (files[0].contents, files[1].contents, files.filter { $0.name.hasSuffix(".svg") }.count)
    }

    @Test func htmlIsSelfContainedWithEveryChartInline() throws {
        let (_, html, charts) = Self.rendered()
        for forbidden in ["http://", "https://", "src=", "<script", "<link", "url(", "@import"] {
            #expect(!html.contains(forbidden), "page contains \(forbidden)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == charts)
        #expect(html.contains("<style>"))
        // Every inline chart is well-formed on its own.
        for part in html.components(separatedBy: "<svg ").dropFirst() {
            let chart = "<svg " + part.components(separatedBy: "</svg>")[0] + "</svg>"
            #expect(XMLElements.parse(chart) != nil)
        }
    }

    @Test func pageAndMarkdownCarryTheEnvironment() {
        let (markdown, html, _) = Self.rendered()
        let env = ReportFixtures.environment
        for text in [
            env.cpuModel!, "aes avx2 pclmulqdq; not: vaes", "Debian GNU/Linux 12 (bookworm)", env.swiftCompiler, "release",
            "OpenSSL libcrypto 3.0.99", "libsodium 1.0.99", env.gitCommit!, "framebench frames --seconds 1", "logical cores",
        ] {
            #expect(markdown.contains(text), "Markdown has \(text)")
            #expect(html.contains(ReportFormat.escapeXML(text)), "HTML has \(text)")
        }
    }

    @Test func markdownTablesHoldTheChartedNumbers() {
        let (markdown, html, _) = Self.rendered()
        #expect(markdown.contains("![Throughput against frame size](throughput.svg)"))
        let lines = markdown.split(separator: "\n").map(String.init)
        for r in ReportFixtures.framesDocument().measurements {
            let name = "\(r.backend) \(r.operation!)" + (r.implementation == "c" ? " · C ref" : "")
            // Throughput: one row per series, one column per size.
            let row = lines.first { $0.hasPrefix("| \(name) |") && $0.split(separator: "|").count == 1 + ReportFixtures.sizes.count }
            #expect(row?.contains("| \(ReportFormat.number(r.bytesPerSecond / 1e6)) ") == true, "MB/s of \(name) \(r.frameSize!)")
            // ns per frame: one row per series and size.
            let ns =
                "| \(name) | \(r.frameSize!) | \(ReportFormat.number(r.nsPerFrame.p50)) | \(ReportFormat.number(r.nsPerFrame.p90)) | \(ReportFormat.number(r.nsPerFrame.p99)) |"
            #expect(markdown.contains(ns), "ns row \(ns)")
            #expect(
                html.contains(
                    "<td>\(ReportFormat.escapeXML(name))</td><td class=\"num\">\(r.frameSize!)</td><td class=\"num\">\(ReportFormat.number(r.nsPerFrame.p50))</td>"
                ))
        }
        for r in ReportFixtures.meetingDocument().measurements {
            #expect(markdown.contains("| \(r.participants!) | \(r.backend) \(r.mode!) | \(ReportFormat.number(r.realtimeFactor!)) |"))
            #expect(
                markdown.contains(
                    "| \(r.participants!) | \(r.backend) \(r.mode!) | \(ReportFormat.number(r.nsPerFrame.p50)) | \(ReportFormat.number(r.nsPerFrame.p90)) |"
                ))
        }
    }

    @Test func warnsAboutDebugBuildsAndBusyMachines() {
        var document = ReportFixtures.framesDocument()
        document.environment.buildConfiguration = "debug"
        document.measurements[0].onCPUFraction = 0.9
        let markdown = Report.render([ReportInput(name: "slow.json", document: document)])[0].contents
        #expect(markdown.contains("slow.json was measured with a debug build"))
        #expect(markdown.contains("1 of 24 measurements in slow.json ran with the measuring thread on the CPU less than 98\u{00A0}%"))
    }

    @Test func formatsNumbersReadably() {
        #expect(ReportFormat.number(3835.4) == "3835")
        #expect(ReportFormat.number(26.84) == "26.8")
        #expect(ReportFormat.number(1.0374) == "1.04")
        #expect(ReportFormat.tick(20000) == "20k")
        #expect(ReportFormat.tick(2000) == "2k")
        #expect(ReportFormat.tick(0.5) == "0.5")
        #expect(ReportFormat.bytes(65536) == "64 KiB")
        #expect(ReportFormat.bytes(1200) == "1200 B")
        #expect(ReportFormat.escapeXML("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
    }
}
