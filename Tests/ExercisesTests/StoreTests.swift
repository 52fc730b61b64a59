import XCTest
@testable import Exercises
final class StoreTests: XCTestCase { func testPlaceholder() {} }
