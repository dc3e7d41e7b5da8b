/** Header actions that move into the "⋯" menu where the header is narrow (below 1280 px, and on phones). */
import type { Page } from 'playwright-core';

export type HeaderAction = 'reset' | 'about-button' | 'downloads-button';

/** Clicks a header action wherever it is: its own button, or the item of the "⋯" menu (opened first). */
export async function clickHeaderAction(page: Page, action: HeaderAction): Promise<void> {
  const direct = page.locator(`.topbar [data-testid="${action}"]:not([role="menuitem"])`);
  if ((await direct.count()) > 0 && (await direct.isVisible())) return direct.click();
  await page.getByTestId('more-button').click();
  await page.getByRole('menu').getByTestId(action).click();
}
