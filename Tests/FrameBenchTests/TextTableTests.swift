import Testing

@testable import FrameBench

@Suite struct TextTableTests {
    @Test func alignsColumns() {
        var table = TextTable(headers: ["name", "ns"], alignments: [.left, .right])
        table.add(["openssl", "12"])
        table.add(["sodium", "1234"])
        #expect(
            table.render() == """
                name       ns
                -------  ----
                openssl    12
                sodium   1234
                """)
    }
}
