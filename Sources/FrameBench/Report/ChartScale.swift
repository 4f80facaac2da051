import Foundation

/// A chart axis: its title (with units), whether it is logarithmic, and optionally the
/// exact tick values (such as the frame sizes measured) and how ticks are labelled.
struct ChartAxis: Sendable {
    var title: String
    var logarithmic: Bool
    /// Ticks to draw instead of computed ones; the domain then spans them with a margin.
    var ticks: [Double]? = nil
    /// Tick label text; ``ReportFormat/tick(_:)`` when `nil`.
    var label: (@Sendable (Double) -> String)? = nil
    /// Whether a linear axis must include zero (stacked bars, counts).
    var includesZero = false
    /// Whether computed ticks leave room beyond the data at each end (a scatter's markers
    /// and labels are hard to read on the plot's border): the data span grows by 4 % each
    /// way on a linear axis (not below zero when zero is included) and by a factor of 1.1
    /// on a logarithmic one before the ticks are rounded out.
    var margin = false

    /// The label of `value` among `ticks`: ``label`` if given; on a linear axis with
    /// fractional steps, every tick with the same number of decimals (`0.98`, `1.00`).
    func text(for value: Double, among ticks: [Double] = []) -> String {
        if let label { return label(value) }
        if !logarithmic, ticks.count > 1 {
            let step = abs(ticks[1] - ticks[0])
            if step > 0, step < 1, ticks.allSatisfy({ abs($0) < 1e4 }) {
                var decimals = 0, scaled = step
                while decimals < 4, abs(scaled - scaled.rounded()) > 1e-6 { decimals += 1; scaled *= 10 }
                return ReportFormat.fixed(value, digits: decimals)
            }
        }
        return ReportFormat.tick(value)
    }
}

/// A map from data values to pixels along one axis, with the ticks to draw.
struct ChartScale: Sendable {
    let logarithmic: Bool
    let domain: ClosedRange<Double>
    let range: ClosedRange<Double>
    /// Whether larger values map to smaller pixel coordinates (y axes).
    let inverted: Bool
    let ticks: [Double]

    /// A scale covering `values` (non-positive values are ignored on a log axis).
    init(axis: ChartAxis, values: [Double], pixels: ClosedRange<Double>, inverted: Bool) {
        self.logarithmic = axis.logarithmic
        self.range = pixels
        self.inverted = inverted
        var data = values.filter { $0.isFinite && (!axis.logarithmic || $0 > 0) }
        if let given = axis.ticks { data += given.filter { !axis.logarithmic || $0 > 0 } }
        if axis.includesZero && !axis.logarithmic { data.append(0) }
        if data.isEmpty { data = axis.logarithmic ? [1, 10] : [0, 1] }
        var low = data.min()!, high = data.max()!
        if axis.margin, axis.ticks == nil {
            if axis.logarithmic {
                low /= 1.1
                high *= 1.1
            } else {
                let pad = (high - low) * 0.04
                low = axis.includesZero && low >= 0 ? Swift.max(0, low - pad) : low - pad
                high += pad
            }
        }
        if axis.logarithmic {
            if let given = axis.ticks, !given.isEmpty {
                domain = (low / 1.25)...(high * 1.25)
                ticks = given.filter { $0 > 0 }
            } else {
                (domain, ticks) = Self.logTicks(low: low, high: high)
            }
        } else {
            if let given = axis.ticks, !given.isEmpty {
                let pad = Swift.max((high - low) * 0.05, abs(high) * 0.05, 1e-9)
                domain = (axis.includesZero && low >= 0 ? 0 : low - pad)...(high + pad)
                ticks = given
            } else {
                (domain, ticks) = Self.linearTicks(low: low, high: high)
            }
        }
    }

    /// The pixel coordinate of `value`, clamped to the range.
    func pixel(_ value: Double) -> Double {
        let fraction: Double
        if logarithmic {
            let v = Swift.max(value, domain.lowerBound)
            fraction = (log10(v) - log10(domain.lowerBound)) / (log10(domain.upperBound) - log10(domain.lowerBound))
        } else {
            fraction = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        }
        let clamped = Swift.min(Swift.max(fraction, 0), 1)
        let span = range.upperBound - range.lowerBound
        return inverted ? range.upperBound - clamped * span : range.lowerBound + clamped * span
    }

    /// 1-2-5 ticks per decade covering `low…high`, thinned to at most about ten.
    static func logTicks(low: Double, high: Double) -> (ClosedRange<Double>, [Double]) {
        var low = low, high = high
        if high / low < 1.5 { low /= 1.3; high *= 1.3 }
        let firstDecade = Int(floor(log10(low))) - 1, lastDecade = Int(ceil(log10(high))) + 1
        func candidates(_ steps: [Double]) -> [Double] {
            (firstDecade...lastDecade).flatMap { decade in steps.map { $0 * pow(10, Double(decade)) } }
        }
        var steps: [Double] = [1, 2, 5]
        var all = candidates(steps)
        var lower = all.last { $0 <= low * 1.000001 } ?? low
        var upper = all.first { $0 >= high / 1.000001 } ?? high
        if all.filter({ $0 >= lower && $0 <= upper }).count > 10 {
            steps = [1]
            all = candidates(steps)
            lower = all.last { $0 <= low * 1.000001 } ?? low
            upper = all.first { $0 >= high / 1.000001 } ?? high
        } else if all.filter({ $0 >= lower && $0 <= upper }).count < 4 {
            all = candidates([1, 2, 3, 4, 5, 6, 7, 8, 9])
            lower = all.last { $0 <= low * 1.000001 } ?? low
            upper = all.first { $0 >= high / 1.000001 } ?? high
        }
        return (lower...upper, all.filter { $0 >= lower / 1.000001 && $0 <= upper * 1.000001 })
    }

    /// About five to eight evenly spaced round ticks covering `low…high`.
    static func linearTicks(low: Double, high: Double) -> (ClosedRange<Double>, [Double]) {
        var low = low, high = high
        if high - low < 1e-12 {
            let pad = abs(high) > 0 ? abs(high) * 0.1 : 1
            low -= pad; high += pad
        }
        let rough = (high - low) / 6
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let lower = floor(low / step) * step, upper = ceil(high / step) * step
        let count = Int(((upper - lower) / step).rounded())
        let ticks = (0...count).map { lower + Double($0) * step }.map { abs($0) < step * 1e-9 ? 0 : $0 }
        return (lower...upper, ticks)
    }
}
