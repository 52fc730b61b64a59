/// Every docker client message the grammar prints, in one place. Each text was seen on the
/// docker 28.2.2 client on this machine (DOCKER_HOST=unix:///nonexistent, no daemon); the
/// comment names a command line that prints it (all are in
/// Tests/LabCoreTests/Fixtures/grammar/cases.json). Help texts and arity messages are not
/// here: they are recorded verbatim in Grammar/Data/docker-grammar.json.
enum DockerMessages {
    // MARK: usage frame

    /// Root usage line in usage errors — `docker -H`.
    static let rootUsageLine = "docker [OPTIONS] COMMAND [ARG...]"

    /// A flag error with the command's usage — `docker container ls -x`, exit 125.
    static func flagError(_ message: String, usage: String, path: String) -> String {
        message + "\n\nUsage:  " + usage + "\n\nRun '" + path + " --help' for more information\n"
    }

    /// An error a command returns from its run step — `docker run -p abc nginx`, exit 125.
    static func runError(_ message: String, path: String) -> String {
        "docker: " + message + "\n\nRun '" + path + " --help' for more information\n"
    }

    /// `docker contaner ls`, exit 1.
    static func unknownRootCommand(_ word: String) -> String {
        "docker: unknown command: docker " + word + "\n\nRun 'docker --help' for more information\n"
    }

    /// `docker network volume`, exit 1.
    static func unknownSubcommand(_ path: String, _ usage: String, _ word: String) -> String {
        "docker: unknown command: " + path + " " + word + "\n\nUsage:  " + usage + "\n\nRun '" + path + " --help' for more information\n"
    }

    /// `docker service scale web`, exit 1 (usage, then the command's one-line description).
    static func invalidScaleSpecifier(_ arg: String, path: String, usage: String, description: String) -> String {
        "invalid scale specifier '" + arg + "'.\nSee '" + path + " --help'.\n\nUsage:  " + usage + "\n\n" + description + "\n"
    }

    /// `docker help bogus`, exit 1.
    static func unknownHelpTopic(_ word: String) -> String { "unknown help topic: " + word + "\n" }

    /// `docker help help`.
    static let helpCommandHelp = "Usage:  docker help [command]\n\nHelp about the command\n"

    /// `docker ps -h` (stdout, before the help), `docker -h` (stderr).
    static let helpShorthandDeprecated = "Flag shorthand -h has been deprecated, use --help\n"

    /// `docker -l bogus ps`, exit 1.
    static func badLogLevel(_ level: String) -> String { "Unable to parse logging level: " + level + "\n" }

    // MARK: pflag

    /// `docker container ls --foo`.
    static func unknownFlag(_ name: String) -> String { "unknown flag: --" + name }
    /// `docker container ls -ax` → `unknown shorthand flag: 'x' in -x`.
    /// pflag names the offending byte as a rune: `docker ps -ñ` → `'Ã'`.
    static func unknownShorthand(_ rest: String) -> String { "unknown shorthand flag: '" + firstByte(rest) + "' in -" + rest }
    static func firstByte(_ s: String) -> String { String(Character(Unicode.Scalar(s.utf8.first ?? 0))) }
    /// `docker network create --driver`.
    static func flagNeedsArgument(_ arg: String) -> String { "flag needs an argument: " + arg }
    /// `docker -H`.
    static func flagNeedsShortArgument(_ rest: String) -> String { "flag needs an argument: '" + firstByte(rest) + "' in -" + rest }
    /// `docker ps ---all`.
    static func badFlagSyntax(_ arg: String) -> String { "bad flag syntax: " + arg }
    /// `docker ps --all=foo`.
    static func invalidArgument(_ value: String, _ flag: DockerFlagSpec, _ err: String) -> String {
        "invalid argument " + goQuote(value) + " for " + goQuote(flag.errorName) + " flag: " + err
    }
    /// `docker ps --all=foo` → strconv.ParseBool: parsing "foo": invalid syntax.
    static func parseBoolError(_ v: String) -> String { "strconv.ParseBool: parsing " + goQuote(v) + ": invalid syntax" }
    /// `docker ps -n abc`, `docker run --blkio-weight 70000 nginx` (value out of range).
    static func strconvError(_ fn: String, _ v: String, range: Bool) -> String {
        "strconv." + fn + ": parsing " + goQuote(v) + (range ? ": value out of range" : ": invalid syntax")
    }
    /// `docker ps --filter foo`.
    static let badFilterFormat = "bad format of filter (expected name=value)"
    /// `docker run -m abc nginx`, `docker run -m -1 nginx`.
    static func invalidSize(_ s: String) -> String { "invalid size: '" + s + "'" }
    /// `docker run -m 1x nginx`.
    static func invalidSuffix(_ s: String) -> String { "invalid suffix: '" + s + "'" }
    /// `docker run --cpus abc nginx`.
    static func notRational(_ s: String) -> String { "failed to parse " + s + " as a rational number" }
    /// `docker run --cpus 1e-10 nginx`.
    static let tooPrecise = "value is too precise"
    /// `docker run --ulimit nofile nginx`.
    static func invalidUlimitArgument(_ s: String) -> String { "invalid ulimit argument: " + s }
    /// `docker run --ulimit bogus=1 nginx`.
    static func invalidUlimitType(_ s: String) -> String { "invalid ulimit type: " + s }
    /// `docker run --ulimit nofile=10:5 nginx`.
    static func ulimitSoftAboveHard(_ s: Int64, _ h: Int64) -> String {
        "ulimit soft limit must be less than or equal to hard limit: \(s) > \(h)"
    }
    /// `docker run --ulimit nofile=-1:10 nginx`.
    static func ulimitUnlimitedSoft(_ h: Int64) -> String {
        "ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: \(h)"
    }
    /// `docker run --mount bogus nginx`.
    static func mountFieldNotKeyValue(_ f: String) -> String { "invalid field '" + f + "' must be a key=value pair" }
    /// `docker run --mount type=bind nginx`.
    static let mountTargetRequired = "target is required"
    /// `docker run --add-host bogus nginx`.
    static func badAddHost(_ v: String) -> String { "bad format for add-host: " + goQuote(v) }
    /// `docker create --dns-search a=b nginx`.
    static func notValidDomain(_ v: String) -> String { v + " is not a valid domain" }
    /// `docker run --add-host a:bogus nginx`.
    static func badAddHostIP(_ v: String) -> String { "invalid IP address in add-host: " + goQuote(v) }
    /// `docker run --ulimit nofile=1:2:3 nginx`.
    static func tooManyUlimitValues(_ v: String) -> String {
        "too many limit value arguments - " + v + ", can only have up to two, `soft[:hard]`"
    }
    /// `docker run --mount '' nginx` (the CSV reader's end of input).
    static let mountEOF = "EOF"
    /// `docker run --health-interval -1s nginx` (also --health-timeout, --health-retries,
    /// --health-start-period, --health-start-interval: docker/cli cli/command/container/opts.go).
    static func cannotBeNegative(_ flag: String) -> String { "--" + flag + " cannot be negative" }
    /// `docker run --no-healthcheck --health-retries 2 alpine` (docker/cli cli/command/container/opts.go).
    static let noHealthcheckConflict = "--no-healthcheck conflicts with --health-* options"
    /// `docker run -p [::1:80:80 nginx`.
    static func ipMissingBracket(_ ip: String) -> String { "invalid IP address " + ip + ": address " + ip + ":: missing ']' in address" }
    /// `docker run --expose 90-80 nginx`.
    static func invalidPortRange(_ p: String) -> String { "invalid range specified for port: " + p }
    /// `docker run nginx@sha256:<40 hex digits>`.
    static let invalidDigestLength = "invalid checksum digest length"
    /// `docker run nginx@md5:<32 hex digits>`.
    static let unsupportedDigest = "unsupported digest algorithm"
    /// `docker service scale web=abc`, exit 1.
    static func invalidReplicas(_ name: String, _ value: String, _ err: String) -> String {
        name + ": invalid replicas value " + value + ": " + err + "\n"
    }
    /// `docker run --mac-address abc nginx`.
    static func invalidMAC(_ v: String) -> String { v + " is not a valid mac address" }
    /// `docker run --memory-swappiness 200 nginx`.
    static func invalidSwappiness(_ v: String) -> String { "invalid value: " + v + ". Valid memory swappiness range is 0-100" }
    /// `docker run -v '' nginx`.
    static let emptyVolumeSpec = "invalid empty volume spec"
    /// `docker run -v :/data nginx`.
    static func volumeEmptySection(_ v: String) -> String { "invalid spec: " + v + ": empty section between colons" }
    /// `docker run --pid abc nginx` (also --uts UTS, --userns USER, --cgroupns CGROUP).
    static func invalidMode(_ flag: String, _ kind: String) -> String { "--" + flag + ": invalid " + kind + " mode" }
    /// `docker run --restart=on-failure:abc nginx`.
    static let restartRetryCount = "invalid restart policy format: maximum retry count must be an integer"
    /// `docker run --restart=:3 nginx`.
    static let restartNoPolicy = "invalid restart policy format: no policy provided before colon"
    /// `docker run --log-driver none --log-opt a=b nginx`.
    static func invalidLoggingOpts(_ d: String) -> String { "invalid logging opts for driver " + d }
    /// `docker run --security-opt abc nginx`.
    static func invalidSecurityOpt(_ v: String) -> String { "Invalid --security-opt: " + goQuote(v) }
    /// `docker run --storage-opt abc nginx`.
    static let invalidStorageOption = "invalid storage option"
    /// `docker run --rm --restart always nginx`.
    static let restartAndRm = "conflicting options: cannot specify both --restart and --rm"
    /// `docker run --network bridge --network-alias a nginx`.
    static let aliasesNeedUserNetwork = "network-scoped aliases are only supported for user-defined networks"
    /// `docker run --platform abc nginx` → `error parsing specified platform: "abc": unknown …`.
    static func platformParseError(_ e: String) -> String { "error parsing specified platform: " + e }
    static func platformUnknown(_ p: String) -> String { goQuote(p) + ": unknown operating system or architecture: invalid argument" }
    /// `docker run --platform a/b/c/d nginx`.
    static func platformCannotParse(_ p: String) -> String { goQuote(p) + ": cannot parse platform specifier: invalid argument" }
    /// `docker run --platform 'linux/am d64' nginx`.
    static func platformBadComponent(_ part: String, _ p: String) -> String {
        goQuote(part) + " is an invalid component of " + goQuote(p) + ": platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument"
    }
    /// `docker save --platform abc img` (also history, load; image inspect and rm print the bare reason).
    static func invalidPlatform(_ e: String) -> String { "invalid platform: " + e }
    /// `docker push --platform abc img`: the client writes "Invalid platform abc" then the reason.
    static func pushInvalidPlatform(_ p: String, _ e: String) -> String { "Invalid platform " + p + e + "\n" }
    /// `docker save --platform nginx:1.25 img`.
    static func platformBadOS(_ part: String, _ p: String) -> String {
        goQuote(part) + " is an invalid OS component of " + goQuote(p)
            + ": OSAndVersion specifier component must match \"^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$\": invalid argument"
    }
    /// `docker events --since 10:00`, exit 1.
    static func badTimestamp(_ v: String) -> String { "failed to parse value as time or duration: " + goQuote(v) + "\n" }
    /// `docker events --until 2024-13-01`, exit 1 (Go time.Parse: "month"/"day" out of range).
    static func timeOutOfRange(_ v: String, _ field: String) -> String { "parsing time " + goQuote(v) + ": " + field + " out of range\n" }
    /// `docker swarm init --availability abc`, exit 1.
    static func invalidAvailability(_ v: String) -> String { "invalid availability " + goQuote(v) + ", only active, pause and drain are supported\n" }
    /// `docker network connect --driver-opt abc net web`, exit 1.
    static let badDriverOpt = "invalid key/value pair format in driver options\n"
    /// `docker run --blkio-weight-device abc nginx` (and --device-read-bps and friends).
    static func badFormat(_ v: String) -> String { "bad format: " + v }
    /// `docker run --device-cgroup-rule abc nginx`.
    static func badCgroupRule(_ v: String) -> String { "invalid device cgroup format '" + v + "'" }
    /// `docker service create --placement-pref abc nginx`.
    static let badPlacementPref = "placement preference must be of the format \"<strategy>=<arg>\""
    /// `docker service create --generic-resource abc nginx`.
    static func badGenericResource(_ v: String) -> String { "invalid generic-resource format `" + v + "` expected `name=value`" }
    /// `docker service create --credential-spec abc nginx`.
    static let badCredentialSpec = "invalid credential spec: value must be prefixed with \"config://\", \"file://\", or \"registry://\""
    /// `docker swarm init --default-addr-pool abc`.
    static func badCIDR(_ v: String) -> String { "invalid string being converted to CIDR: " + v }
    /// `docker context create --docker abc ctx`.
    static func notKeyValue(_ v: String) -> String { v + " must be formatted as key=value" }
    /// `docker pull -a nginx:1.25`, `docker push --all-tags nginx:1.25`, exit 1.
    static let tagWithAllTags = "tag can't be used with --all-tags/-a\n"
    /// `docker inspect --type=bogus web`, exit 1.
    static func unknownInspectType(_ t: String) -> String {
        "unknown type: " + goQuote(t) + ": must be one of \"config\", \"container\", \"image\", \"network\", \"node\", \"plugin\", \"secret\", \"service\", \"task\", \"volume\"\n"
    }
    /// `docker service create --mode bogus nginx`, exit 1.
    static func unknownServiceMode(_ m: String) -> String { "Unknown mode: " + m + ", only replicated and global supported\n" }
    /// `docker stack deploy app`, exit 1.
    static let specifyComposeFile = "Specify a Compose file (with --compose-file)\n"
    /// `docker update web` with no option, exit 1.
    static let updateNeedsFlags = "you must provide one or more flags when using this command\n"
    /// `docker start -a web db`, exit 1.
    static let startAttachMany = "you cannot start and attach multiple containers at once\n"
    /// `docker start --checkpoint cp web db`, exit 1.
    static let startRestoreMany = "you cannot restore multiple containers at once\n"
    /// `docker images --digests --tree` (also --quiet, --no-trunc, --format), exit 1.
    static func notWithTree(_ flag: String) -> String { flag + " is not yet supported with --tree\n" }
    /// `docker push --platform linux/amd64 app` prints this note on stdout first.
    static let pushPlatformNote = "\n Info -> Using --platform pushes only the specified platform manifest of a multi-platform image index.\n         Other components, like attestations, will not be included.\n         To push the complete multi-platform image, remove the --platform flag.\n         \n"
    /// `docker stop -t 5 --time 3 web`, exit 1.
    static let conflictingTimeOptions = "conflicting options: cannot specify both --timeout and --time\n"
    /// `docker network create --ip-range x net1`, exit 1.
    static let rangeNeedsSubnet = "every ip-range or gateway must have a corresponding subnet\n"

    /// `docker run --dns bogus nginx`.
    static func badIPAddress(_ v: String) -> String { "IP address is not correctly formatted: " + v }
    /// `docker run --link bogus:a:b nginx`.
    static func badLink(_ v: String) -> String { "bad format for links: " + v }
    /// `docker run --sysctl bogus nginx`.
    static func sysctlNotAllowed(_ v: String) -> String { "sysctl '" + v + "' is not allowed" }
    /// `docker run -a bogus nginx`.
    static let validStreams = "valid streams are STDIN, STDOUT and STDERR"
    /// `docker run --gpus bogus nginx`.
    static func badGPUCount(_ v: String) -> String {
        "invalid count (" + v + "): value must be either \"all\" or an integer: invalid syntax"
    }

    // MARK: ports (docker run/create -p, --expose; docker service create -p)

    /// `docker run -p abc nginx`.
    static func invalidContainerPort(_ p: String) -> String { "invalid containerPort: " + p }
    /// `docker run -p abc:80 nginx`.
    static func invalidHostPort(_ p: String) -> String { "invalid hostPort: " + p }
    /// `docker run -p 8080:80/bogus nginx`.
    static func invalidProto(_ p: String) -> String { "invalid proto: " + p }
    /// `docker run -p 8000-8010:8000-8005 nginx`.
    static func invalidPortRanges(_ c: String, _ h: String) -> String {
        "invalid ranges specified for container and host Ports: " + c + " and " + h
    }
    /// `docker run -p 80: nginx`, `docker run -p '' nginx`.
    static func noPortSpecified(_ raw: String) -> String { "no port specified: " + raw + "<empty>" }
    /// `docker run -p 80:80:80 nginx`.
    static func invalidIPAddress(_ ip: String) -> String { "invalid IP address: " + ip }
    /// `docker run --expose abc nginx`.
    static func invalidExposeRange(_ e: String, _ err: String) -> String { "invalid range format for --expose: " + e + ", error: " + err }
    /// `docker run --expose 80:90 nginx`.
    static func invalidExposeFormat(_ e: String) -> String { "invalid port format for --expose: " + e }
    /// `docker run --pull bogus nginx`.
    static func invalidPullOption(_ v: String) -> String {
        "invalid pull option: '" + v + "': must be one of \"always\", \"missing\" or \"never\""
    }

    // MARK: image references

    /// `docker run nginx:`, `docker pull nginx:`.
    static let invalidReferenceFormat = "invalid reference format"
    /// `docker run Nginx`.
    static func repositoryMustBeLowercase(_ name: String) -> String {
        "invalid reference format: repository name (" + name + ") must be lowercase"
    }
    /// `docker tag alpine UPPER/case`, `docker pull UPPER/case`: the daemon's wording, without
    /// the name (Fixtures/build 05).
    static let daemonRepositoryMustBeLowercase = "invalid reference format: repository name must be lowercase"
    /// `docker commit -c 'BOGUS x' c1`: the instruction lowercased (Fixtures/build 06).
    static func invalidChangeCommand(_ keyword: String) -> String { keyword.lowercased() + " is not a valid change command" }
    /// `docker tag A b`.
    static func tagParseError(_ ref: String, _ err: String) -> String {
        "Error parsing reference: " + goQuote(ref) + " is not a valid repository/tag: " + err
    }
}
