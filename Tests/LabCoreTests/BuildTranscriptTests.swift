import XCTest
@testable import LabCore

/// Replays the recorded build, registry and compose scenarios (Fixtures/build, recorded on the
/// real engine with the legacy builder and docker-compose 1.29) and reports the share that
/// matches, held to a floor that only goes up (the build issue's bar is 95%). What still differs
/// is the stand-in images' and the order of compose's parallel starts (Fixtures/build/README.md).
final class BuildTranscriptTests: XCTestCase {
    /// The share matched when the floor was last raised (255 of 261, 97.7%).
    static let floor = 0.97

    func testRecordedBuildScenariosAgainstTheRealEngine() throws {
        try SwarmTranscriptTests.compare(folder: "build", bar: Self.floor)
    }
}
