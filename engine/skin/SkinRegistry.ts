/**
 * Available skins by key (MediaWiki's SkinFactory). The built-in fallback
 * skin is always there; others come from skin modules. `useskin=` picks any
 * loaded skin; `skipSkins` only hides skins from the preferences list.
 */
import type { Skin } from './Skin';

export class SkinRegistry {
  private readonly skins = new Map<string, Skin>();

  register(skin: Skin): void {
    this.skins.set(skin.name.toLowerCase(), skin);
  }

  get(name: string | null | undefined): Skin | undefined {
    return name ? this.skins.get(name.toLowerCase()) : undefined;
  }

  /** The requested skin if loaded, else the default, else the fallback (Skin::normalizeKey). */
  resolve(requested: string | null | undefined, defaultSkin: string): Skin {
    return this.get(requested) ?? this.get(defaultSkin) ?? this.get('fallback')!;
  }

  getNames(): string[] {
    return [...this.skins.keys()];
  }

  /** Skins offered in Special:Preferences: all loaded ones minus skipSkins (the fallback is never offered, as in MediaWiki). */
  getAllowedSkins(skipSkins: readonly string[]): string[] {
    const skip = new Set(skipSkins.map((s) => s.toLowerCase()));
    return this.getNames().filter((name) => name !== 'fallback' && !skip.has(name));
  }
}
