# unittest: a TestCase run by unittest.main with passing, failing, erroring,
# skipped and expected-failure tests, subTest, assertRaises/assertRaisesRegex,
# setUp/tearDown order, and the exit status (1: there are failures).
# (Failing lines avoid subscripts and operators: CPython's traceback module
# marks those with ~~^~~ carets computed by ast.parse.)
import unittest

events = []


class Arithmetic(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        events.append('setUpClass')

    def setUp(self):
        events.append('setUp ' + self._testMethodName)

    def tearDown(self):
        events.append('tearDown')

    def test_add(self):
        self.assertEqual(1 + 1, 2)
        self.assertTrue(3 > 2)
        self.assertIn(2, [1, 2])
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertIsNone(None)
        self.assertIsInstance(1, int)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertDictEqual({'a': 1}, {'a': 1})

    def test_fails(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_fails_message(self):
        self.assertTrue(False, 'custom message')

    def test_dict_diff(self):
        self.assertEqual({'a': 1, 'b': 2}, {'a': 1, 'b': 3})

    def test_error(self):
        raise KeyError('missing')

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 // 0
        self.assertEqual(str(cm.exception), 'integer division or modulo by zero')
        self.assertRaises(ValueError, int, 'x')
        with self.assertRaisesRegex(KeyError, 'miss'):
            {}['missing']

    def test_raises_nothing(self):
        with self.assertRaises(TypeError):
            pass

    @unittest.skip('not today')
    def test_skipped(self):
        raise AssertionError('never runs')

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 2)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    def test_multiline(self):
        self.assertEqual('one\ntwo\nthree\n', 'one\nTWO\nthree\n')


class Other(unittest.TestCase):
    def test_skip_inside(self):
        self.skipTest('skipped inside')

    def test_ok(self):
        self.assertNotEqual(1, 2)


class FrozenClock:
    """Keeps "Ran N tests in 0.000s" deterministic."""

    @staticmethod
    def perf_counter():
        return 0.0


if __name__ == '__main__':
    import atexit
    import unittest.runner
    unittest.runner.time = FrozenClock
    atexit.register(lambda: print(events))
    unittest.main(verbosity=2)
