/// The environment variables the docker client reads to find its daemon, its config folder and
/// its builder (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, HOME, DOCKER_BUILDKIT), picked out in one pass over the
/// environment: every command needs them, and looking each up hashes its name again.
struct ClientVariables {
    var dockerHost: String?
    var dockerContext: String?
    var dockerConfig: String?
    var home: String?
    var dockerBuildKit: String?

    init(_ environment: [String: String]) {
        for (name, value) in environment {
            // Only names that begin with D or H can be one of them.
            switch name.utf8.first {
            case UInt8(ascii: "D"):
                switch name {
                case "DOCKER_HOST": dockerHost = value
                case "DOCKER_CONTEXT": dockerContext = value
                case "DOCKER_CONFIG": dockerConfig = value
                case "DOCKER_BUILDKIT": dockerBuildKit = value
                default: break
                }
            case UInt8(ascii: "H"):
                if name == "HOME" { home = value }
            default: break
            }
        }
    }
}
