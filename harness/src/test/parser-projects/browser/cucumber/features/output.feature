Feature: Steps that print
  Output a step writes lands in the middle of the progress line

  Scenario: A step prints to standard output
    Given a calculator
    When I add 1 and 1 and print the result
    Then the result is 2

  Scenario: A step warns on standard error and fails
    Given a calculator
    When I add 1 and 1 and warn about it
    Then the result is 3

  Scenario: Fails in its very first step
    Given a broken calculator
    When I add 1 and 1
    Then the result is 2

  Scenario: One step "quoted" [bracketed] (and parenthesised)
    Given a calculator
