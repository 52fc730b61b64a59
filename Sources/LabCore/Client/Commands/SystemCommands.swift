/// Commands that report on the engine rather than change it: top, stats, image history,
/// system df, info, version, events. (Not simulated yet: each returns nil.)
enum SystemCommands {
    static func top(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? { nil }
    static func stats(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? { nil }
    static func history(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? { nil }
    static func df(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? { nil }
    static func info(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? { nil }
    static func version(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? { nil }
    static func events(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? { nil }
}
