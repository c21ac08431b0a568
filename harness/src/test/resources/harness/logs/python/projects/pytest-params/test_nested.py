pytest_plugins = ["pytester"]


def test_inner_run_prints_progress(pytester):
    pytester.makepyfile(
        """
        import logging
        def test_log_1():
            logging.warning("log message from test_log_1")
        def test_log_2():
            logging.warning("log message from test_log_2")
        """
    )
    pytester.makeini("[pytest]\nlog_cli=true\n")
    result = pytester.runpytest("-v")
    print(result.stdout.str())
    result.assert_outcomes(passed=2)
