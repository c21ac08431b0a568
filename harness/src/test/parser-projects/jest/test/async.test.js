describe('async › things', () => {
  test('resolves', async () => {
    await new Promise((r) => setTimeout(r, 5));
    expect(1 + 1).toBe(2);
  });

  test('times out', async () => {
    await new Promise((r) => setTimeout(r, 200));
  }, 50);
});
