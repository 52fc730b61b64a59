/// One step of a BuildKit build as its progress stream reports it: a vertex of the build graph
/// (`[internal] load build context`, `[2/3] RUN make`, `exporting to image`) with its statuses
/// (transfers, pulls, the exporter's steps), the lines its process printed and how it ended.
/// The solver (BuildKitSolver) makes these in the order the lab's build finishes them; the
/// printer (PlainProgress) renders them as moby/buildkit util/progress/progressui prints them.
public struct BuildVertex: Sendable, Equatable {
    /// The vertex's name (its LLB custom name).
    public var name: String
    /// Its statuses, in the order they started.
    public var statuses: [Status] = []
    /// Lint warnings attached to it (the Dockerfile's definition vertex gets them).
    public var warnings: [String] = []
    /// What its process printed, line by line, each with its time since the vertex started.
    public var logs: [Log] = []
    /// How it ended.
    public var end: End

    public init(name: String, statuses: [Status] = [], warnings: [String] = [], logs: [Log] = [], end: End) {
        self.name = name
        self.statuses = statuses
        self.warnings = warnings
        self.logs = logs
        self.end = end
    }

    /// A vertex status: an id (`transferring context:`, `resolve docker.io/…`, a layer's digest),
    /// the bytes done and expected, how long it took and whether it completed.
    public struct Status: Sendable, Equatable {
        public var id: String
        public var current: Int64 = 0
        public var total: Int64 = 0
        /// Seconds from its start to its end.
        public var seconds: Double = 0
        public var completed = true

        public init(_ id: String, current: Int64 = 0, total: Int64 = 0, seconds: Double = 0, completed: Bool = true) {
            self.id = id
            self.current = current
            self.total = total
            self.seconds = seconds
            self.completed = completed
        }
    }

    /// One line a vertex's process printed (without its newline), `seconds` after the vertex began.
    public struct Log: Sendable, Equatable {
        public var seconds: Double
        public var text: String

        public init(seconds: Double, text: String) {
            self.seconds = seconds
            self.text = text
        }
    }

    /// How a vertex ended: done after some seconds, taken from the cache, or failed with an error.
    public enum End: Sendable, Equatable {
        case done(seconds: Double)
        case cached
        case error(String)
    }
}

/// Where in a file an error points: what errdefs.Source carries (moby/buildkit
/// solver/errdefs/source.go): the file's name and text and the lines of the instruction.
public struct SourceExcerpt: Sendable, Equatable {
    public var filename: String
    public var data: String
    /// First and last line (1-based) of each range.
    public var ranges: [ClosedRange<Int>]

    public init(filename: String, data: String, ranges: [ClosedRange<Int>]) {
        self.filename = filename
        self.data = data
        self.ranges = ranges
    }
}

/// A failed BuildKit build: the error the client prints after `ERROR: ` and the Dockerfile lines
/// it points at, if any.
public struct BuildKitFailure: Error, Sendable, Equatable {
    public var message: String
    public var source: SourceExcerpt?

    public init(_ message: String, source: SourceExcerpt? = nil) {
        self.message = message
        self.source = source
    }
}

/// A lint warning of the Dockerfile frontend: its rule's name and message, and its line.
public struct BuildWarning: Sendable, Equatable {
    /// `JSONArgsRecommended: JSON arguments recommended for CMD … (line 5)`, as printed.
    public var short: String

    public init(short: String) { self.short = short }
}

/// What a BuildKit build reports: its vertices in the order they finished, its lint warnings,
/// and the image it made or the failure.
public struct BuildKitReport: Sendable, Equatable {
    public var vertices: [BuildVertex] = []
    public var warnings: [BuildWarning] = []
    public var outcome: Outcome

    /// The image id (`sha256:…`), or why the build failed.
    public enum Outcome: Sendable, Equatable {
        case built(String)
        case failed(BuildKitFailure)
    }

    public init(vertices: [BuildVertex] = [], warnings: [BuildWarning] = [], outcome: Outcome) {
        self.vertices = vertices
        self.warnings = warnings
        self.outcome = outcome
    }
}
