Feature: Calculator
  As a fixture for the cucumber log parser
  I want scenarios that pass, fail, stay pending or undefined

  Background:
    Given a calculator

  Scenario: Add two numbers
    When I add 2 and 3
    Then the result is 5

  Scenario: Add wrong on purpose
    When I add 2 and 2
    Then the result is 5
    And the display shows the result

  Scenario: Divide by zero fails in its first own step
    When I divide 1 by 0
    Then the result is 0

  Scenario: Subtract is still pending
    When I subtract 1 from 3
    Then the result is 2

  Scenario: Multiply has no step definition
    When I multiply 2 by 3
    Then the result is 6

  Scenario Outline: Add <a> and <b>
    When I add <a> and <b>
    Then the result is <sum>

    Examples: small numbers
      | a | b | sum |
      | 1 | 1 | 2   |
      | 2 | 2 | 5   |

    Examples:
      | a   | b  | sum |
      | -1  | 1  | 0   |
