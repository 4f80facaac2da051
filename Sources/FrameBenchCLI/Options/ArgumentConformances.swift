public import ArgumentParser
import FrameBench

// The harness's vocabulary, parsed straight from the command line by its raw values: an
// unknown value is a usage error that lists the valid ones (exit 2).

extension FrameOperation: ExpressibleByArgument {}
extension WorkingSet: ExpressibleByArgument {}
extension MeetingMode: ExpressibleByArgument {}
extension Granularity: ExpressibleByArgument {}
extension InstructionProbe.Layer: ExpressibleByArgument {}
extension ComparisonMetric: ExpressibleByArgument {}
