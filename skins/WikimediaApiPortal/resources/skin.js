/*
 * WikimediaApiPortal skin: progressive enhancement only. Without this file
 * every dropdown and the menu still open and close (<details>), and the
 * search button leads to Special:Search. With it:
 * - one dropdown open at a time; Escape closes it and returns the focus;
 *   arrow keys move between its links;
 * - a click on a link inside the menu closes it;
 * - on small screens the search button opens the field over the header.
 */
/* global document, window */
( function () {
	'use strict';
	var root = document.documentElement;
	root.className = root.className.replace( /(^|\s)client-nojs(\s|$)/, '$1client-js$2' );

	var openers = document.querySelectorAll( '.wm-dropdown, .wm-menu' );

	function closeAll( except ) {
		Array.prototype.forEach.call( openers, function ( details ) {
			if ( details !== except && details.open ) {
				details.open = false;
			}
		} );
	}

	Array.prototype.forEach.call( openers, function ( details ) {
		details.addEventListener( 'toggle', function () {
			if ( details.open ) {
				closeAll( details );
			}
		} );
		details.addEventListener( 'keydown', function ( event ) {
			var summary = details.querySelector( 'summary' );
			if ( event.key === 'Escape' && details.open ) {
				details.open = false;
				summary.focus();
				event.preventDefault();
				return;
			}
			if ( event.key !== 'ArrowDown' && event.key !== 'ArrowUp' ) {
				return;
			}
			var links = Array.prototype.slice.call( details.querySelectorAll( '.wm-dropdown-menu a' ) );
			if ( !links.length ) {
				return;
			}
			if ( !details.open ) {
				details.open = true;
			}
			var index = links.indexOf( document.activeElement );
			if ( event.key === 'ArrowDown' ) {
				index = index < 0 || index === links.length - 1 ? 0 : index + 1;
			} else {
				index = index <= 0 ? links.length - 1 : index - 1;
			}
			links[ index ].focus();
			event.preventDefault();
		} );
		// Focus leaving a dropdown closes it (keyboard users tabbing on).
		if ( details.classList.contains( 'wm-dropdown' ) ) {
			details.addEventListener( 'focusout', function ( event ) {
				if ( details.open && event.relatedTarget && !details.contains( event.relatedTarget ) ) {
					details.open = false;
				}
			} );
		}
	} );

	// A click outside an open dropdown closes it. (Without JavaScript an
	// invisible layer under the open dropdown does that; see skin.css.)
	document.addEventListener( 'click', function ( event ) {
		Array.prototype.forEach.call( openers, function ( details ) {
			if ( details.open && details.classList.contains( 'wm-dropdown' ) && !details.contains( event.target ) ) {
				details.open = false;
			}
		} );
	} );

	var menu = document.getElementById( 'wm-menu' );
	if ( menu ) {
		menu.addEventListener( 'click', function ( event ) {
			if ( event.target.closest && event.target.closest( '.wm-menu-panel a' ) ) {
				menu.open = false;
			}
		} );
	}

	var searchLink = document.querySelector( '.wm-search-link' );
	var searchInput = document.getElementById( 'searchInput' );
	var searchClose = document.querySelector( '.wm-search-close' );
	if ( searchLink && searchInput && searchClose ) {
		var closeSearch = function () {
			root.classList.remove( 'wm-search-open' );
			searchClose.hidden = true;
			searchLink.focus();
		};
		searchLink.addEventListener( 'click', function ( event ) {
			event.preventDefault();
			closeAll( null );
			root.classList.add( 'wm-search-open' );
			searchClose.hidden = false;
			searchInput.focus();
		} );
		searchClose.addEventListener( 'click', function () {
			searchInput.value = '';
			closeSearch();
		} );
		searchInput.addEventListener( 'keydown', function ( event ) {
			if ( event.key === 'Escape' && root.classList.contains( 'wm-search-open' ) ) {
				closeSearch();
			}
		} );
		window.addEventListener( 'resize', function () {
			if ( window.innerWidth >= 768 && root.classList.contains( 'wm-search-open' ) ) {
				root.classList.remove( 'wm-search-open' );
				searchClose.hidden = true;
			}
		} );
	}
}() );
