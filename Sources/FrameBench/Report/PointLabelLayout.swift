/// Places the short labels of a scatter's points so that none covers another label or a
/// marker: each label takes the first free spot among positions around its point (right
/// above, right below, left above, left below, centred above or below, then one row
/// further out), and, where every spot is taken, the one it overlaps least.
///
/// Text is measured as the report's 11 px labels are drawn: about 6.5 px a character,
/// 11 px from baseline to top.
struct PointLabelLayout {
    /// A label to place: its text and its point's pixel position.
    struct Label {
        var text: String
        var x: Double
        var y: Double
    }

    /// A placed label: where its text's baseline starts, and its box.
    struct Placement: Equatable {
        var text: String
        var x: Double
        var y: Double
        var box: Box
    }

    /// An axis-aligned box in pixels.
    struct Box: Equatable {
        var left: Double, top: Double, right: Double, bottom: Double

        func overlap(_ other: Box) -> Double {
            let width = Swift.min(right, other.right) - Swift.max(left, other.left)
            let height = Swift.min(bottom, other.bottom) - Swift.max(top, other.top)
            return width > 0 && height > 0 ? width * height : 0
        }
    }

    static let characterWidth = 6.5, ascent = 10.0, descent = 2.0, markerRadius = 4.5

    /// `labels` placed inside `plot` (left, top, right, bottom), avoiding each other and the
    /// markers at `markers` (pixel positions, the labels' own points among them).
    static func place(
        _ labels: [Label], markers: [(x: Double, y: Double)], plot: (left: Double, top: Double, right: Double, bottom: Double)
    ) -> [Placement] {
        var taken = markers.map {
            Box(left: $0.x - markerRadius, top: $0.y - markerRadius, right: $0.x + markerRadius, bottom: $0.y + markerRadius)
        }
        var placed: [Placement] = []
        for label in labels.sorted(by: { ($0.x, $0.y) < ($1.x, $1.y) }) {
            let width = Double(label.text.count) * characterWidth
            let candidates = offsets(width: width).map { dx, dy in
                let x = Swift.min(Swift.max(label.x + dx, plot.left + 2), plot.right - width - 2)
                let y = Swift.min(Swift.max(label.y + dy, plot.top + ascent + 2), plot.bottom - descent - 2)
                return Placement(text: label.text, x: x, y: y, box: Box(left: x, top: y - ascent, right: x + width, bottom: y + descent))
            }
            let cost = candidates.map { candidate in taken.reduce(0) { $0 + candidate.box.overlap($1) } }
            let best = cost.firstIndex(of: 0) ?? cost.indices.min { cost[$0] < cost[$1] }!
            placed.append(candidates[best])
            taken.append(candidates[best].box)
        }
        return placed
    }

    /// Baseline offsets from the point, nearest first.
    private static func offsets(width: Double) -> [(Double, Double)] {
        let right = 6.0, left = -6 - width, centre = -width / 2
        return [
            (right, -6), (right, 14), (left, -6), (left, 14), (centre, -9), (centre, 19),
            (right, -18), (left, -18), (right, 26), (left, 26), (centre, -21), (centre, 31),
        ]
    }
}
