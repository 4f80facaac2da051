/// Colours that stay the same for a backend across every chart of a report.
///
/// Each backend gets a hue; its first variant (seal, or meeting mode) is the dark shade
/// and its second (open, or client mode) the light one. The two known backends have
/// fixed hues (OpenSSL blue, libsodium orange) so reports of different runs look alike;
/// others take the remaining hues in name order.
struct ReportPalette: Sendable {
    /// Dark and light shade of each hue, chosen to stay distinct for colour-blind readers
    /// (blue/orange first) and legible on white.
    static let hues: [(dark: String, light: String)] = [
        ("#1f5fa8", "#6baed6"),  // blue
        ("#d9480f", "#f59f55"),  // orange
        ("#2b8a3e", "#74c476"),  // green
        ("#7048a8", "#b197d8"),  // purple
        ("#8c564b", "#c49c94"),  // brown
        ("#0f8b8d", "#66c2c4"),  // teal
        ("#c2255c", "#f06595"),  // magenta
        ("#9c7a00", "#f2c94c"),  // gold
        ("#495057", "#adb5bd"),  // slate grey
        ("#5f7a1a", "#b5cf6b"),  // olive
    ]
    static let fixed = ["openssl": 0, "sodium": 1]

    /// Red for regressions, green for improvements, grey for neither.
    static let regression = "#d62728"
    static let improvement = "#2b8a3e"
    static let neutral = "#7f7f7f"

    /// Colours of the overhead layers, bottom of the stack first.
    static let layers: [String: String] = [
        "c-library": "#3b4a6b", "swift-backend": "#4c9fa8", "sframe": "#e0a030", "harness": "#b8b0c8",
    ]

    private let index: [String: Int]

    /// A palette for `backends` (every backend named anywhere in the report).
    init(backends: some Sequence<String>) {
        var index: [String: Int] = [:]
        var free = (0..<Self.hues.count).filter { !Self.fixed.values.contains($0) }
        for name in Set(backends).sorted() {
            if let hue = Self.fixed[name] {
                index[name] = hue
            } else if !free.isEmpty {
                index[name] = free.removeFirst()
            } else {
                index[name] = (name.unicodeScalars.reduce(0) { $0 &* 31 &+ Int($1.value) } & 0xffff) % Self.hues.count
            }
        }
        self.index = index
    }

    /// The colour of `backend`: its dark shade for `variant` 0, its light shade otherwise.
    func color(_ backend: String, variant: Int = 0) -> String {
        let hue = Self.hues[(index[backend] ?? 0) % Self.hues.count]
        return variant == 0 ? hue.dark : hue.light
    }

    /// The colour of an overhead layer.
    static func layerColor(_ layer: String, position: Int) -> String {
        layers[layer] ?? hues[position % hues.count].light
    }
}
